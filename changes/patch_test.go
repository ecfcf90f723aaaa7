package changes

import (
	"reflect"
	"strings"
	"testing"
)

// lines is what a test expects of a file: its changed lines.
type lines = []int

func TestFromPatch(t *testing.T) {
	tests := []struct {
		name  string
		patch string
		want  map[string]lines
	}{{
		name: "modified lines with context",
		patch: `diff --git a/README.md b/README.md
index 1111111..2222222 100644
--- a/README.md
+++ b/README.md
@@ -3,7 +3,8 @@ intro
 - [A](https://a.example): First.
 - [B](https://b.example): Second.
 - [C](https://c.example): Third.
-- [D](https://d.example): Fourth
+- [D](https://d.example): Fourth.
+- [E](https://e.example): Fifth.
 - [F](https://f.example): Sixth.
 - [G](https://g.example): Seventh.
 - [H](https://h.example): Eighth.
@@ -20,2 +21,2 @@
-old
+new
 tail
`,
		want: map[string]lines{"README.md": {6, 7, 21}},
	}, {
		name: "zero context, several files, sub-folder",
		patch: `diff --git a/docs/list.md b/docs/list.md
index 1111111..2222222 100644
--- a/docs/list.md
+++ b/docs/list.md
@@ -4,0 +5,2 @@ heading
+- [X](https://x.example): Ex.
+- [Y](https://y.example): Why.
@@ -9 +11 @@
-a
+b
diff --git a/other.md b/other.md
index 3333333..4444444 100644
--- a/other.md
+++ b/other.md
@@ -1 +0,0 @@
-gone
`,
		want: map[string]lines{"docs/list.md": {5, 6, 11}},
	}, {
		name: "new file",
		patch: `diff --git a/new.md b/new.md
new file mode 100644
index 0000000..5555555
--- /dev/null
+++ b/new.md
@@ -0,0 +1,3 @@
+# New
+
+- [N](https://n.example): En.
`,
		want: map[string]lines{"new.md": {1, 2, 3}},
	}, {
		name: "deleted file",
		patch: `diff --git a/old.md b/old.md
deleted file mode 100644
index 5555555..0000000
--- a/old.md
+++ /dev/null
@@ -1,2 +0,0 @@
-# Old
-- [O](https://o.example): Oh.
`,
		want: map[string]lines{},
	}, {
		name: "rename with changes counts under the new name",
		patch: `diff --git a/old.md b/lists/new.md
similarity index 75%
rename from old.md
rename to lists/new.md
index 0ddd0f3..fc4dc7e 100644
--- a/old.md
+++ b/lists/new.md
@@ -1,4 +1,4 @@
 l1
 l2
-l3
+L3
 l4
`,
		want: map[string]lines{"lists/new.md": {3}},
	}, {
		name: "pure rename changes no line",
		patch: `diff --git a/a.md b/b.md
similarity index 100%
rename from a.md
rename to b.md
diff --git a/c.md b/c.md
index 1111111..2222222 100644
--- a/c.md
+++ b/c.md
@@ -2 +2 @@
-x
+y
`,
		want: map[string]lines{"c.md": {2}},
	}, {
		name: "no newline at end of file, name with a space",
		patch: "diff --git a/x y.md b/x y.md\n" +
			"index 1c943a9..f8f7a32 100644\n" +
			"--- a/x y.md\t\n" +
			"+++ b/x y.md\t\n" +
			"@@ -1,3 +1,4 @@\n" +
			" a\n" +
			"-b\n" +
			"-c\n" +
			"\\ No newline at end of file\n" +
			"+B\n" +
			"+c\n" +
			"+d\n" +
			"\\ No newline at end of file\n",
		want: map[string]lines{"x y.md": {2, 3, 4}},
	}, {
		name: "no newline on the old side only",
		patch: `--- a/n.md
+++ b/n.md
@@ -1,2 +1,2 @@
 first
-last
\ No newline at end of file
+last
`,
		want: map[string]lines{"n.md": {2}},
	}, {
		name: "quoted non-ASCII name",
		patch: `diff --git "a/caf\303\251.md" "b/caf\303\251.md"
index bca70f3..8a08eba 100644
--- "a/caf\303\251.md"
+++ "b/caf\303\251.md"
@@ -1 +1,2 @@
 q
+r
`,
		want: map[string]lines{"café.md": {2}},
	}, {
		name: "diff -u with timestamps, no prefixes",
		patch: `--- list.md	2024-01-02 10:00:00.000000000 +0100
+++ list.md	2024-01-02 10:05:00.000000000 +0100
@@ -1,2 +1,3 @@
 - [A](https://a.example): Ay.
+- [B](https://b.example): Bee.
 - [C](https://c.example): See.
`,
		want: map[string]lines{"list.md": {2}},
	}, {
		name: "diff -ru with a/ and b/ folders",
		patch: `diff -ru a/docs/l.md b/docs/l.md
--- a/docs/l.md	2024-01-02 10:00:00.000000000 +0100
+++ b/docs/l.md	2024-01-02 10:05:00.000000000 +0100
@@ -1 +1 @@
-x
+y
`,
		want: map[string]lines{"docs/l.md": {1}},
	}, {
		name: "git diff with mnemonic prefixes",
		patch: `diff --git i/l.md w/l.md
index 1111111..2222222 100644
--- i/l.md
+++ w/l.md
@@ -1 +1 @@
-x
+y
`,
		want: map[string]lines{"l.md": {1}},
	}, {
		name:  "blank context line with its space trimmed",
		patch: "--- a/t.md\n+++ b/t.md\n@@ -1,3 +1,4 @@\n # T\n\n+- [A](https://a.example): Ay.\n last\n",
		want:  map[string]lines{"t.md": {3}},
	}, {
		name:  "empty patch",
		patch: "",
		want:  map[string]lines{},
	}}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			s, err := FromPatch(strings.NewReader(tc.patch))
			if err != nil {
				t.Fatal(err)
			}
			checkSet(t, s, tc.want)
			// The same patch with CRLF line endings, as a Windows
			// checkout or a mail client may hand it over.
			crlf := strings.ReplaceAll(tc.patch, "\n", "\r\n")
			s, err = FromPatch(strings.NewReader(crlf))
			if err != nil {
				t.Fatalf("CRLF: %v", err)
			}
			checkSet(t, s, tc.want)
		})
	}
}

func TestFromPatchCRLFContent(t *testing.T) {
	// A file with CRLF endings: git writes headers with LF and content
	// lines with their CR.
	patch := "diff --git a/crlf.md b/crlf.md\n" +
		"index 4e349b5..103b2f6 100644\n" +
		"--- a/crlf.md\n" +
		"+++ b/crlf.md\n" +
		"@@ -1,2 +1,3 @@\n" +
		" one\r\n" +
		"-two\r\n" +
		"+TWO\r\n" +
		"+three\r\n"
	s, err := FromPatch(strings.NewReader(patch))
	if err != nil {
		t.Fatal(err)
	}
	checkSet(t, s, map[string]lines{"crlf.md": {2, 3}})
}

func TestFromPatchErrors(t *testing.T) {
	for _, tc := range []struct{ name, patch, want string }{{
		name:  "hunk cut short",
		patch: "--- a/l.md\n+++ b/l.md\n@@ -1,2 +1,3 @@\n x\n+y\n",
		want:  "l.md: hunk @@ -1,2 +1,3 @@ has 2 new-side lines",
	}, {
		name:  "bad hunk header",
		patch: "--- a/l.md\n+++ b/l.md\n@@ one two @@\n+y\n",
		want:  "reading the patch",
	}} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := FromPatch(strings.NewReader(tc.patch))
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Fatalf("error %v, want one containing %q", err, tc.want)
			}
		})
	}
}

// checkSet compares a set's files and lines with want.
func checkSet(t *testing.T, s Set, want map[string]lines) {
	t.Helper()
	got := make(map[string]lines, len(s.files))
	for name, f := range s.files {
		if f.whole {
			got[name] = nil
			continue
		}
		got[name] = f.lines
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("changed lines\n got %v\nwant %v", got, want)
	}
}
