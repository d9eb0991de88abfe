package swift

import (
	"fmt"
	"slices"
	"strings"

	"github.com/backwards-backend/bb/internal/spec"
)

// resultTypeName names the enum of an endpoint's declared statuses: GetNoteBody.
func resultTypeName(e *spec.Endpoint) string {
	return spec.UpperCamel(spec.Words(e.Name)) + "Body"
}

// payloadType is the Swift type an answer's body comes as, or "" for none.
func (g *generator) payloadType(a *spec.AnswerType) string {
	switch a.Media {
	case spec.MediaJSON:
		return g.swiftType(a.Body, false)
	case spec.MediaText:
		return "String"
	case spec.MediaBytes:
		return "Data"
	}
	return ""
}

// accept is the Accept header the answers imply: their content types, 2xx first.
func accept(et *spec.EndpointTypes) string {
	var types []string
	for _, success := range []bool{true, false} {
		for _, a := range et.Answers {
			if (a.Status >= 200 && a.Status < 300) == success && a.ContentType != "" && !slices.Contains(types, a.ContentType) {
				types = append(types, a.ContentType)
			}
		}
	}
	return strings.Join(types, ", ")
}

// exchangeCall is the statement sending the request: `let response = try await self.exchange(…)`.
func (g *generator) exchangeCall(et *spec.EndpointTypes, pathParams map[string]param, query, headers []string, body *param, raw string) []string {
	e := et.Endpoint
	args := []string{stringLiteral(e.Method), g.pathExpr(e.Path, pathParams)}
	if len(query) > 0 {
		args = append(args, "query: ["+strings.Join(query, ", ")+"]")
	}
	if len(headers) > 0 {
		args = append(args, "headers: ["+strings.Join(headers, ", ")+"]")
	}
	if body != nil {
		args = append(args, "body: "+body.ref())
	}
	if raw != "" {
		args = append(args, "raw: "+raw)
	}
	if a := accept(et); a != "" {
		args = append(args, "accept: "+stringLiteral(a))
	}
	args = append(args, "timeout: timeout")
	out := []string{"let response = try await self.exchange("}
	for i, a := range args {
		sep := ","
		if i == len(args)-1 {
			sep = ""
		}
		out = append(out, "    "+a+sep)
	}
	return append(out, ")")
}

// shortBody is the body of the short form: the success body, or an error thrown.
func (g *generator) shortBody(et *spec.EndpointTypes, exchange []string) (lines []string, returns string) {
	media := spec.MediaNone
	for _, a := range et.Answers {
		if a.Status < 200 || a.Status >= 300 || a.Media == spec.MediaNone {
			continue
		}
		if media == spec.MediaNone {
			media = a.Media
		} else if media != a.Media {
			media = spec.MediaBytes
		}
	}
	lines = append([]string(nil), exchange...)
	switch {
	case media == spec.MediaJSON && et.Response != nil:
		ret := g.swiftType(et.Response, false)
		inner := strings.TrimSuffix(ret, "?")
		call := "decode"
		if et.Response.Nullable {
			call = "decodeIfPresent" // some 2xx answers carry no body: those come back as nil
		}
		return append(lines, fmt.Sprintf("return try self.%s(%s.self, from: self.success(response))", call, inner)), " -> " + ret
	case media == spec.MediaText:
		return append(lines, "return try self.text(self.success(response))"), " -> String"
	case media != spec.MediaNone:
		return append(lines, "return try self.success(response).body"), " -> Data"
	}
	return append(lines, "_ = try self.success(response)"), ""
}

// resultBody is the body of the full form, and the cases of its enum.
func (g *generator) resultBody(et *spec.EndpointTypes, exchange []string) ([]string, []caseTmpl) {
	lines := append(append([]string(nil), exchange...), "switch response.status {")
	var cases []caseTmpl
	names := scope{"undocumented": true}
	for _, a := range et.Answers {
		c := caseTmpl{Name: escape(names.unique(lowerCamel(spec.StatusWord(a.Status))))}
		c.Doc = fmt.Sprintf("%d %s", a.Status, statusText(a.Status))
		value := "response.with(body: ." + c.Name + ")"
		if typ := g.payloadType(a); typ != "" {
			c.Payload = "(" + typ + ")"
			var expr string
			switch a.Media {
			case spec.MediaJSON:
				call := "decode"
				if a.Body.Nullable {
					call = "decodeIfPresent"
				}
				expr = fmt.Sprintf("try self.%s(%s.self, from: response)", call, strings.TrimSuffix(typ, "?"))
			case spec.MediaText:
				expr = "self.text(response)"
			default:
				expr = "response.body"
			}
			value = fmt.Sprintf("response.with(body: .%s(%s))", c.Name, expr)
			if a.Media == spec.MediaJSON {
				value = "try " + strings.Replace(value, "try ", "", 1)
			}
		}
		c.Doc += " " + mediaDoc(a)
		cases = append(cases, c)
		lines = append(lines, fmt.Sprintf("case %d:", a.Status), "    return "+value)
	}
	lines = append(lines, "default:", "    return response.with(body: .undocumented(status: response.status, body: response.body))", "}")
	return lines, cases
}

func statusText(status int) string {
	if w := spec.StatusWord(status); !strings.HasPrefix(w, "Status") {
		return strings.Join(spec.Words(w), " ")
	}
	return ""
}

func mediaDoc(a *spec.AnswerType) string {
	switch a.Media {
	case spec.MediaJSON:
		if a.Body.Nullable {
			return "with a JSON body, or without one (nil)."
		}
		return "with a JSON body."
	case spec.MediaText:
		return "with `" + a.ContentType + "` text."
	case spec.MediaBytes:
		if a.ContentType == "" {
			return "with a body of several content types, as bytes."
		}
		return "with `" + a.ContentType + "` bytes."
	}
	return "without a body."
}

// maxFieldArgs is how many fields a request body may have to be passed as arguments too.
const maxFieldArgs = 4

// fieldsConvenience is a form taking a small request body's fields as arguments:
// getMessages(user: "larry") besides getMessages(body: GetMessagesRequest(user: "larry")).
func (g *generator) fieldsConvenience(et *spec.EndpointTypes, params []param, body *param, name string, doc []string) (convenienceTmpl, bool) {
	t := et.Request
	if body == nil || t.Kind != spec.TypeObject || t.Nullable || t.Object.MergePatch || len(t.Object.Fields) == 0 || len(t.Object.Fields) > maxFieldArgs {
		return convenienceTmpl{}, false
	}
	fields, _, qualify := g.fields(t.Object)
	if qualify {
		return convenienceTmpl{}, false
	}
	taken := map[string]bool{"timeout": true}
	for _, p := range params {
		if p.label != body.label {
			taken[p.label] = true
		}
	}
	var fparams, inits []string
	for _, fi := range fields {
		if taken[fi.name] || fi.name == "self" || fi.name == body.label && len(fields) == 1 {
			return convenienceTmpl{}, false
		}
		def := ""
		if strings.HasSuffix(fi.outer, "?") {
			def = " = nil"
		}
		fparams = append(fparams, escape(fi.name)+": "+fi.outer+def)
		inits = append(inits, escape(fi.name)+": "+escape(fi.name))
	}
	var decls, args []string
	for _, p := range params {
		if p.label == body.label {
			decls = append(decls, fparams...)
			args = append(args, p.argWith(t.Object.Name+"("+strings.Join(inits, ", ")+")"))
			continue
		}
		decls = append(decls, p.decl(true))
		args = append(args, p.arg())
	}
	list := strings.Join(decls, ", ")
	if len(decls) > 2 {
		list = "\n        " + strings.Join(decls, ",\n        ") + "\n    "
	}
	head := doc[:len(doc)-len(g.throwsLines(doc))]
	return convenienceTmpl{
		Doc:    concat(head, []string{"", fmt.Sprintf("Sends the arguments as a ``%s``.", t.Object.Name)}, g.throwsLines(doc)),
		Params: list,
		Call:   fmt.Sprintf("try await %s(%s, timeout: nil)", escape(name), strings.Join(args, ", ")),
	}, true
}

// throwsLines is the trailing "- Throws:" part of a doc comment.
func (g *generator) throwsLines(doc []string) []string {
	for i, l := range doc {
		if strings.HasPrefix(l, "- Throws:") {
			return doc[i:]
		}
	}
	return nil
}
