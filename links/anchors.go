package links

import (
	"errors"
	"io"

	"golang.org/x/net/html"
)

// pageAnchors returns the anchors of an HTML page: every id attribute,
// and the name attribute of <a> elements.
func pageAnchors(r io.Reader) (map[string]bool, error) {
	anchors := map[string]bool{}
	z := html.NewTokenizer(r)
	for {
		switch z.Next() {
		case html.ErrorToken:
			if err := z.Err(); !errors.Is(err, io.EOF) {
				return anchors, err
			}
			return anchors, nil
		case html.StartTagToken, html.SelfClosingTagToken:
			name, hasAttr := z.TagName()
			for hasAttr {
				var key, val []byte
				key, val, hasAttr = z.TagAttr()
				if string(key) == "id" || string(key) == "name" && string(name) == "a" {
					anchors[string(val)] = true
				}
			}
		}
	}
}
