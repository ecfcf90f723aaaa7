package lint

// Option declares one option of a rule. Its Default fixes its type: string,
// int, bool or []string. Allowed, when set, lists the valid string values.
// A rule declares each option once, as a typed handle (StringOption,
// EnumOption, IntOption, BoolOption, StringsOption), and lists the
// handles' Decl in Rule.Options.
type Option struct {
	Name    string
	Default any
	Doc     string
	Allowed []string
}

// OptionType is what an option holds.
type OptionType interface {
	string | int | bool | []string
}

// Opt is a typed handle on one option: reading an option through its
// handle cannot misspell its name or mistake its type.
type Opt[T OptionType] struct{ decl Option }

// StringOption declares a free-form string option.
func StringOption(name, def, doc string) Opt[string] {
	return Opt[string]{Option{Name: name, Default: def, Doc: doc}}
}

// EnumOption declares a string option that takes one of allowed.
func EnumOption(name, def, doc string, allowed ...string) Opt[string] {
	return Opt[string]{Option{Name: name, Default: def, Doc: doc, Allowed: allowed}}
}

// IntOption declares an integer option.
func IntOption(name string, def int, doc string) Opt[int] {
	return Opt[int]{Option{Name: name, Default: def, Doc: doc}}
}

// BoolOption declares a boolean option.
func BoolOption(name string, def bool, doc string) Opt[bool] {
	return Opt[bool]{Option{Name: name, Default: def, Doc: doc}}
}

// StringsOption declares a list option; a nil def is the empty list.
func StringsOption(name string, def []string, doc string) Opt[[]string] {
	if def == nil {
		def = []string{}
	}
	return Opt[[]string]{Option{Name: name, Default: def, Doc: doc}}
}

// Decl is the declaration to list in Rule.Options.
func (o Opt[T]) Decl() Option { return o.decl }

// Name is the option's name, as configuration files write it.
func (o Opt[T]) Name() string { return o.decl.Name }

// Get returns the option's value for a pass, or for one document of a
// run (RunPass.Options).
func (o Opt[T]) Get(src OptionSource) T {
	if v, ok := src.optionValues().set[o.decl.Name]; ok {
		return v.(T)
	}
	return o.decl.Default.(T)
}

// Is returns the option set to v, for an Inference.
func (o Opt[T]) Is(v T) OptionValue { return OptionValue{Name: o.decl.Name, Value: v} }

// OptionSource is what holds option values: a Pass, or the Values
// RunPass.Options returns.
type OptionSource interface {
	optionValues() Values
}

// Values are the option values of one rule for one file.
type Values struct {
	set map[string]any
}

func (v Values) optionValues() Values { return v }

// OptionValue is the value of one option.
type OptionValue struct {
	Name  string
	Value any
}

// Settings is the effective configuration of one rule.
type Settings struct {
	Off      bool
	Severity Severity
	Options  map[string]any
}

// Defaults returns the rule's settings when nothing is configured.
func (r *Rule) Defaults() Settings {
	opts := make(map[string]any, len(r.Options))
	for _, o := range r.Options {
		opts[o.Name] = o.Default
	}
	return Settings{Off: r.Off, Severity: r.Severity, Options: opts}
}

// Preset is a rule's setting in a named preset ("awesome", "tagged"),
// written with the rule's own option handles. A preset that does not
// name a rule leaves it with its defaults.
type Preset struct {
	// Off turns the rule off; On turns on a rule that is off by default.
	Off, On bool
	Options []OptionValue
}
