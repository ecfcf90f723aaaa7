package main

import (
	"errors"

	"github.com/spf13/pflag"

	"github.com/listlint/listlint/changes"
	"github.com/listlint/listlint/lint"
)

// changedFlags are check's pull-request mode: report only what a change
// added, read from git (--new-from-rev) or from a patch (--new-from-patch).
type changedFlags struct {
	rev, patch string
}

func (f *changedFlags) register(fs *pflag.FlagSet) {
	fs.Var((*nonEmpty)(&f.rev), "new-from-rev", "report only what changed since git revision `REV` (committed, staged, unstaged and untracked)")
	fs.Var((*nonEmpty)(&f.patch), "new-from-patch", "report only what the unified diff in `FILE` adds")
}

// set returns the change to report on, nil when neither flag is given. A
// patch file is read up to limit bytes.
func (f *changedFlags) set(limit int64) (*changes.Set, error) {
	var (
		s   changes.Set
		err error
	)
	switch {
	case f.rev != "" && f.patch != "":
		return nil, errors.New("--new-from-rev and --new-from-patch exclude each other")
	case f.rev != "":
		s, err = changes.FromGit(".", f.rev)
	case f.patch != "":
		s, err = changes.FromPatchFile(f.patch, limit)
	default:
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	return &s, nil
}

// lintChanged lints docs, in pull-request mode when set is not nil: the rules
// learn which lines changed, and only findings on those lines are kept.
func lintChanged(l *lint.Linter, docs []*lint.Document, set *changes.Set) []lint.Result {
	if set == nil {
		return l.Run(docs)
	}
	pr := *l
	pr.Changed = set.Changed
	return changes.Filter(pr.Run(docs), *set)
}
