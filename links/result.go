package links

import "fmt"

// Status is the verdict on one link.
type Status int

// The verdicts.
const (
	// OK: the page answers (2xx), directly or after temporary redirects.
	OK Status = iota
	// Moved: the link redirects permanently (301, 308) to a page that answers.
	Moved
	// Dead: 4xx or 5xx after retries, DNS failure, refused connection,
	// TLS error or timeout.
	Dead
	// Unchecked: the evidence does not tell (rate limit, bot wall, a host
	// that stopped answering); reported at info severity.
	Unchecked
)

var statusNames = [...]string{"ok", "moved", "dead", "unchecked"}

func (s Status) String() string {
	if s < OK || s > Unchecked {
		return fmt.Sprintf("status(%d)", int(s))
	}
	return statusNames[s]
}

// Result is what checking one URL found.
type Result struct {
	Status Status
	// Code is the last HTTP status seen, 0 when there was no answer.
	Code int
	// Reason says what was found, for messages: "404 Not Found",
	// "no such host", "timeout after 3 attempts".
	Reason string
	// Chain lists the URLs redirects led to, in order.
	Chain []string
	// Target is where a Moved link should point: the end of its chain of
	// permanent redirects, fragment kept.
	Target string
	// NoFix, for a Moved link, says why Target must not replace the URL;
	// empty when it may.
	NoFix string
	// Archived: the link is to a GitHub repository that is archived
	// (read-only), as the REST API says (--github).
	Archived bool
}
