package contract

import (
	"errors"
	"fmt"
	"io"
	"net/http"
	"strings"
	"time"
)

// Param is a path or query parameter an operation types.
type Param struct {
	In   Source // SourcePath or SourceQuery
	Name string
	Kind Kind // a scalar kind: Bool, Int, Number, String or DateTime
	List bool // a query parameter that may repeat; every value is checked
}

// Operation is what a request to one endpoint must fit: its typed parameters and the
// shape of its JSON body.
type Operation struct {
	Name   string
	Params []Param
	Body   *Schema // nil: the body is not read as JSON
}

// CheckRequest lists every way rq does not fit op, or returns nil. Warnings (keys the
// spec does not list, where that is allowed) are not problems here.
func (op *Operation) CheckRequest(rq *Request) Problems {
	var ps Problems
	for _, p := range op.Params {
		var texts []string
		if p.In == SourcePath {
			if v, ok := rq.pathValue(p.Name); ok {
				texts = []string{v}
			}
		} else {
			texts = rq.Query[p.Name]
			if !p.List && len(texts) > 1 {
				texts = texts[:1]
			}
		}
		for _, t := range texts {
			if _, err := ParseText(p.Kind, t); err != nil {
				ps = append(ps, Problem{Path: string(p.In) + "." + p.Name, Msg: err.Error()})
				break
			}
		}
	}
	if op.Body == nil {
		return ps
	}
	doc, present, err := rq.JSON()
	switch {
	case err != nil:
		var se *SyntaxError
		if errors.As(err, &se) && se.Path != "" {
			ps = append(ps, Problem{Path: se.Path, Msg: se.Msg})
		} else {
			ps = append(ps, Problem{Path: "body", Msg: "not valid JSON: " + err.Error()})
		}
	case !present:
		if !op.Body.Nullable {
			ps = append(ps, Problem{Path: "body", Msg: "expected a JSON " + op.Body.Kind.String() + ", got an empty body"})
		}
	default:
		ps = append(ps, op.Body.CheckStrict(doc, "body").Errors()...)
	}
	return ps
}

// ParseText reads the text of a path or query parameter as a value of kind k: int64,
// float64, bool, string or time.Time. Numbers are JSON numbers (no 0x, no +, no leading
// zeros); booleans are true or false.
func ParseText(k Kind, s string) (any, error) {
	switch k {
	case KindInt:
		if n, ok := Int(s); ok {
			return n, nil
		}
	case KindNumber:
		if f, ok := Float(s); ok {
			return f, nil
		}
	case KindBool:
		switch s {
		case "true":
			return true, nil
		case "false":
			return false, nil
		}
	case KindDateTime:
		if t, ok := DateTime(s); ok {
			return t, nil
		}
	default:
		return s, nil
	}
	return nil, fmt.Errorf("expected %s, got %s", k, clip(fmt.Sprintf("%q", s)))
}

// Text reads parameter text that CheckRequest accepted into the Go value of kind k (T is
// int64, float64, bool, string or time.Time); it gives the zero value otherwise.
func Text[T any](k Kind, s string) T {
	v, _ := ParseText(k, s)
	t, _ := v.(T)
	return t
}

// TimeValue is the time.Time a checked date-time parameter holds.
func TimeValue(s string) time.Time { t, _ := DateTime(s); return t }

// HTTPError is an answer the server gives on its own: a request that does not fit, a
// route that does not exist, a handler that failed.
type HTTPError struct {
	Status   int
	Msg      string
	Problems Problems // a request that does not fit: every misfit
	Header   http.Header

	Endpoint  string   // the endpoint whose stub answers did not match, if any
	Unmatched []string // why each stub answer did not match
	Extra     []Member // more members of the error body
}

// Error returns the message.
func (e *HTTPError) Error() string { return e.Msg }

// MaxProblems is how many problems a 400 lists; it says how many more there were.
const MaxProblems = 20

// BadRequest is the 400 answer for a request with problems.
func BadRequest(ps Problems) *HTTPError {
	more := len(ps) - MaxProblems
	if more > 0 {
		ps = ps[:MaxProblems]
	}
	lines := make([]string, len(ps))
	for i, p := range ps {
		lines[i] = p.String()
	}
	msg := strings.Join(lines, "; ")
	if more > 0 {
		msg += fmt.Sprintf("; and %d more", more)
	}
	return &HTTPError{Status: http.StatusBadRequest, Msg: msg, Problems: ps}
}

// ReadBody reads r's body, at most limit bytes. A larger body is a 413, one that cannot
// be read a 400. Over HTTP/1.1, http.MaxBytesReader closes the connection after a 413,
// so a client that sent Expect: 100-continue is answered before it sends the body.
func ReadBody(w http.ResponseWriter, r *http.Request, limit int64) ([]byte, *HTTPError) {
	if r.Body == nil || r.Body == http.NoBody {
		return nil, nil
	}
	if r.ContentLength > limit {
		return nil, tooLarge(limit)
	}
	if r.ContentLength > 0 {
		// net/http stops the body at its Content-Length: read it into a buffer of that
		// size, without a limit to enforce.
		body := make([]byte, r.ContentLength)
		if _, err := io.ReadFull(r.Body, body); err != nil {
			return nil, &HTTPError{Status: http.StatusBadRequest, Msg: "the request body could not be read: " + err.Error()}
		}
		return body, nil
	}
	body, err := io.ReadAll(http.MaxBytesReader(w, r.Body, limit))
	var tooBig *http.MaxBytesError
	switch {
	case errors.As(err, &tooBig):
		return nil, tooLarge(limit)
	case err != nil:
		return nil, &HTTPError{Status: http.StatusBadRequest, Msg: "the request body could not be read: " + err.Error()}
	}
	return body, nil
}

func tooLarge(limit int64) *HTTPError {
	return &HTTPError{Status: http.StatusRequestEntityTooLarge, Msg: fmt.Sprintf("the request body is larger than %d bytes", limit)}
}
