package spec

import (
	"fmt"
	"mime"
	"net/http"
	"sort"
	"strings"
)

// Media is how the body of an answer travels, as a client must read it.
type Media int

// The media of an answer's body.
const (
	MediaNone  Media = iota // no body: 204, HEAD, or a response without body or bodyFile
	MediaJSON               // application/json or +json: decoded into Body
	MediaText               // text/*: read as text
	MediaBytes              // anything else (an image, a PDF, a zip): read as bytes
)

var mediaNames = [...]string{"none", "json", "text", "bytes"}

// String names the media for messages and tests.
func (m Media) String() string { return mediaNames[m] }

// AnswerType is what one declared status of an endpoint answers with: every response of
// the endpoint with that status, merged.
type AnswerType struct {
	Status      int
	Media       Media
	ContentType string // the declared or implied Content-Type, parameters left out; "" for none
	// Body is the JSON body's type, nil unless Media is MediaJSON. It is the endpoint's
	// Response (2xx) or Error (others) when every status of that side has that shape, and
	// a type of its own otherwise, so 401 and 404 need not share one. Nullable when some
	// response of this status has no body.
	Body *Type
}

// StatusWord is a status's reason phrase as one UpperCamel word ("NotFound"), or
// "Status" and the code for a code without one.
func StatusWord(status int) string {
	if t := http.StatusText(status); t != "" {
		return UpperCamel(Words(t))
	}
	return fmt.Sprintf("Status%d", status)
}

// DeclaredContentType is the Content-Type a response is sent with, without parameters
// and in lower case: the one its headers name, else application/json for a body or a
// schema, else what its bodyFile implies; "" for a response without a body.
func (r *Response) DeclaredContentType() string {
	if r.Body == nil && r.BodyFile == "" && r.Schema == nil {
		return ""
	}
	ct := ""
	for _, h := range r.Headers {
		if strings.EqualFold(h.Name, "Content-Type") {
			ct = h.Value
			break
		}
	}
	if ct == "" {
		ct = "application/json"
		if r.BodyFile != "" {
			ct = r.ContentType()
		}
	}
	if t, _, err := mime.ParseMediaType(ct); err == nil {
		return t
	}
	return strings.ToLower(strings.TrimSpace(ct))
}

// MediaOf classifies a content type.
func MediaOf(contentType string) Media {
	switch {
	case contentType == "":
		return MediaNone
	case contentType == "application/json" || strings.HasSuffix(contentType, "+json"):
		return MediaJSON
	case strings.HasPrefix(contentType, "text/"):
		return MediaText
	}
	return MediaBytes
}

// answers groups an endpoint's responses by status, in status order, and types each
// group's body. The types are unnamed; InferTypes names them.
func answers(e *Endpoint) []*AnswerType {
	var out []*AnswerType
	byStatus := map[int]*AnswerType{}
	schemas := map[int]bool{}
	empty := map[int]bool{}
	for _, r := range e.Responses {
		a := byStatus[r.Status]
		if a == nil {
			a = &AnswerType{Status: r.Status}
			byStatus[r.Status] = a
			out = append(out, a)
		}
		ct := r.DeclaredContentType()
		if e.Method == "HEAD" {
			ct = ""
		}
		m := MediaOf(ct)
		switch {
		case m == MediaNone:
			empty[r.Status] = true
			continue
		case a.Media == MediaNone:
			a.Media, a.ContentType = m, ct
		case a.Media != m:
			a.Media, a.ContentType, a.Body = MediaBytes, "", nil // one status, several kinds: bytes
		}
		if a.Media != MediaJSON || schemas[r.Status] {
			continue
		}
		switch {
		case r.Schema != nil:
			a.Body, schemas[r.Status] = finish(schemaType(r.Schema, func(Pos, string) {})), true
		case r.Body != nil:
			a.Body = merge(a.Body, InferValue(r.Body))
		case r.BodyFile != "":
			if v, err := readBodyFile(r); err == nil {
				a.Body = merge(a.Body, InferValue(&v))
			}
		}
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].Status < out[j].Status })
	for _, a := range out {
		if a.Media == MediaJSON && a.Body == nil {
			a.Body = &Type{Kind: TypeAny} // a bodyFile that is not JSON after all: InferTypes says so
		}
		if a.Body == nil {
			continue
		}
		if !schemas[a.Status] {
			a.Body = settle(a.Body)
		}
		a.Body.Nullable = a.Body.Nullable || empty[a.Status]
	}
	return out
}

// nameAnswers names the body types of an endpoint's answers. A side (2xx, or the rest)
// whose JSON answers all have the shape of the endpoint's Response (or Error) shares that
// type; otherwise each status gets its own: CreateNoteAcceptedResponse, NotFoundError.
//
// A status whose body has the shape of a body already named elsewhere (another
// endpoint's response, say) takes that type.
func (n *namer) nameAnswers(et *EndpointTypes, shapes map[string]*ObjectType) {
	op := UpperCamel(Words(et.Endpoint.Name))
	for _, success := range []bool{true, false} {
		whole := et.Error
		if success {
			whole = et.Response
		}
		var side []*AnswerType
		same := whole != nil
		for _, a := range et.Answers {
			if a.Body == nil || (a.Status >= 200 && a.Status < 300) != success {
				continue
			}
			side = append(side, a)
			same = same && shapeKey(bare(a.Body)) == shapeKey(bare(whole))
		}
		for _, a := range side {
			if same {
				t := *whole
				t.Nullable = a.Body.Nullable
				a.Body = &t
				continue
			}
			key := shapeKey(bare(a.Body))
			if o := shapes[key]; o != nil {
				a.Body = &Type{Kind: TypeObject, Nullable: a.Body.Nullable, Object: o}
				continue
			}
			base := StatusWord(a.Status) + "Error"
			if success {
				base = op + StatusWord(a.Status) + "Response"
			}
			a.Body = n.root(a.Body, base, base+"Item", op, fmt.Sprintf("%s %d", et.Endpoint.Name, a.Status))
			if a.Body.Kind == TypeObject {
				shapes[key] = a.Body.Object
			}
		}
	}
}

// rootShapes maps the shape of every named object body to its type.
func rootShapes(order []*EndpointTypes) map[string]*ObjectType {
	shapes := map[string]*ObjectType{}
	for _, et := range order {
		for _, t := range []*Type{et.Request, et.Response, et.Error} {
			if t != nil && t.Kind == TypeObject {
				if k := shapeKey(bare(t)); shapes[k] == nil {
					shapes[k] = t.Object
				}
			}
		}
	}
	return shapes
}

func bare(t *Type) *Type {
	c := *t
	c.Nullable = false
	return &c
}

// ContentType is the Content-Type the request's declared headers give it, without
// parameters and in lower case, or "" when they give none: then the body, if any, is JSON.
// A request whose Content-Type is not JSON (multipart/form-data with a file, an image,
// CSV) carries bytes no example types: generated clients send them as they are.
func (r *Request) ContentType() (string, Pos) {
	for _, h := range r.Headers {
		if strings.EqualFold(h.Name, "Content-Type") {
			ct := h.Value.Text()
			if t, _, err := mime.ParseMediaType(ct); err == nil {
				return t, h.Pos
			}
			return strings.ToLower(strings.TrimSpace(ct)), h.Pos
		}
	}
	return "", Pos{}
}

// checkRequestMedia refuses what a request sent as something other than JSON cannot
// have: a JSON example or schema of its body, or a `when` reading a key of it.
func (in *inferrer) checkRequestMedia(e *Endpoint) {
	ct, pos := e.Request.ContentType()
	if m := MediaOf(ct); m == MediaNone || m == MediaJSON {
		return
	}
	if e.Request.Body != nil || e.Request.Schema != nil {
		in.errorf(pos, "endpoint %s: the request's Content-Type is %s, so its body is not JSON and cannot have a JSON example or schema; remove request.body and request.schema, or send JSON", e.Name, ct)
	}
	for _, r := range e.Responses {
		for i := range r.When {
			if c := &r.When[i]; c.Source == SourceBody {
				in.errorf(c.Pos, "endpoint %s: when %s: the request's Content-Type is %s, not JSON, so it has no keys to compare; match on a header, the query or the path instead", e.Name, c.Key, ct)
			}
		}
	}
}
