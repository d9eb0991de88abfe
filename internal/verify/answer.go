package verify

import (
	"bytes"
	"fmt"
	"mime"
	"net/http"
	"path"
	"strconv"
	"strings"

	"github.com/backwards-backend/bb/internal/spec"
)

// expected is what bb serve sends for a response beyond its status, as
// spec.Response.Answer builds it, and how verify compares an answer with it.
type expected struct {
	contentType string // "" when the response has no body and names no type: nothing to compare
	named       bool   // the spec's headers name the Content-Type, so the answer must have that one
	guessed     bool   // bb serve guessed the type from a bodyFile's bytes: a mismatch only warns
	json        bool   // the body is JSON, checked by shape and, with --strict, by value
	body        []byte // the bytes bb serve sends, which --strict compares for a body that is not JSON
	source      string // where those bytes come from, for messages: the bodyFile, or the spec's body
}

func expect(r *spec.Response) expected {
	a := r.Answer()
	x := expected{contentType: a.Header.Get("Content-Type"), body: a.Body, source: r.BodyFile}

	for _, h := range r.Headers {
		x.named = x.named || http.CanonicalHeaderKey(h.Name) == "Content-Type"
	}
	if x.contentType == "" && r.JSONBody() {
		// A schema without an example body: bb serve has nothing to send, but the backend
		// answers the JSON the schema describes.
		x.contentType = "application/json"
	}
	x.json = r.JSONBody() && isJSONType(x.contentType)
	x.guessed = r.BodyFile != "" && !x.named && !r.JSONBody() && mime.TypeByExtension(path.Ext(r.BodyPath)) == ""
	if x.source == "" {
		x.source = "the spec's body"
	}
	return x
}

// accept is the Accept header a client of the response sends: its media type, or JSON.
func (x expected) accept() string {
	switch {
	case x.guessed:
		return "*/*"
	case x.contentType == "" || x.json:
		return "application/json"
	}
	return mediaType(x.contentType)
}

// contentType compares the answer's Content-Type with the one bb serve sends. Media
// types compare without regard to case and parameters are ignored, except a charset
// that both name on a type that is not JSON: JSON is UTF-8 whatever a charset says.
// Where bb chose the type itself (application/json for a JSON body), any JSON type
// serves the client as well, so any passes.
func (ck *checker) contentType(x expected, got string) {
	if x.contentType == "" {
		return
	}
	var ok bool
	switch {
	case got == "":
	case x.json && !x.named:
		ok = isJSONType(got)
	default:
		ok = sameMediaType(x.contentType, got)
	}
	if ok {
		return
	}
	gotText := "none"
	if got != "" {
		gotText = strconv.Quote(got)
	}
	if x.guessed {
		ck.warn("content type: expected %s, got %s; bb serve guesses this type from the bytes of %s, so name the type under the response's headers: to check it", x.contentType, gotText, x.source)
		return
	}
	ck.fail("content type: expected %s, got %s", x.contentType, gotText)
}

// sameMediaType reports whether got has want's media type and, when both name a charset
// on a type that is not JSON, the same charset.
func sameMediaType(want, got string) bool {
	if mediaType(want) != mediaType(got) {
		return false
	}
	if isJSONType(want) {
		return true
	}
	wc, gc := charset(want), charset(got)
	return wc == "" || gc == "" || strings.EqualFold(wc, gc)
}

func charset(ct string) string {
	_, params, err := mime.ParseMediaType(ct)
	if err != nil {
		return ""
	}
	return params["charset"]
}

// mediaType is a Content-Type without its parameters, in lower case.
func mediaType(ct string) string {
	mt, _, err := mime.ParseMediaType(ct)
	if err != nil && err != mime.ErrInvalidMediaParameter {
		mt, _, _ = strings.Cut(ct, ";")
		return strings.ToLower(strings.TrimSpace(mt))
	}
	return mt
}

// isJSONType reports whether a Content-Type is JSON: application/json or a +json type.
func isJSONType(ct string) bool {
	mt := mediaType(ct)
	return mt == "application/json" || strings.HasPrefix(mt, "application/") && strings.HasSuffix(mt, "+json")
}

// notJSON checks a body that is not JSON: with --strict its bytes must be exactly those
// bb serve sends; without, it is not checked, and a warning says so.
func (ck *checker) notJSON(x expected, r *spec.Response, body []byte, strict bool) {
	if !strict {
		if r.BodyFile != "" && !r.JSONBody() {
			ck.warn("body not checked: %s is %s, not JSON; --strict compares its bytes", r.BodyFile, mediaType(r.ContentType()))
		} else {
			ck.warn("body not checked: the spec sends it as %s, not JSON; --strict compares its bytes", mediaType(x.contentType))
		}
		return
	}
	if d := bytesDiff(x.source, x.body, body); d != "" {
		ck.fail("%s", d)
	}
}

// bytesDiff says where got first differs from want, the bytes of source, or "" when
// they are the same.
func bytesDiff(source string, want, got []byte) string {
	if bytes.Equal(want, got) {
		return ""
	}
	i := 0
	for i < len(want) && i < len(got) && want[i] == got[i] {
		i++
	}
	line := 1 + bytes.Count(want[:i], []byte("\n"))
	msg := fmt.Sprintf("body: differs from %s at byte %d (line %d): expected %s, got %s", source, i+1, line, bytesAt(want, i), bytesAt(got, i))
	if len(want) != len(got) {
		msg += fmt.Sprintf("; expected %d bytes, got %d", len(want), len(got))
	}
	return msg
}

// bytesAt quotes a few bytes of b from offset i, for a message.
func bytesAt(b []byte, i int) string {
	if i >= len(b) {
		return "the end"
	}
	const n = 24
	if len(b)-i > n {
		return strconv.Quote(string(b[i:i+n])) + "…"
	}
	return strconv.Quote(string(b[i:]))
}
