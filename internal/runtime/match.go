package runtime

import (
	"net/http"
	"strings"

	"github.com/backwards-backend/bb/internal/contract"
)

// unfitNote marks a logged request that the ejected server would refuse.
const unfitNote = "; the ejected server would answer 400: "

// serve answers one request to the route's endpoint, with the contract kernel: the body
// is read within the limit, checked against the spec's types (refused with --validate,
// else only noted), and the first response whose conditions hold answers.
func (r *route) serve(w http.ResponseWriter, req *http.Request) {
	if r.resource != nil {
		r.resource(w, req)
		return
	}
	body, herr := contract.ReadBody(w, req, r.maxBody)
	if herr != nil {
		note(w, herr.Msg)
		r.errors.Write(w, herr)
		return
	}
	rq := contract.NewRequest(req, body)
	var unfit string
	var ps contract.Problems
	if r.op != nil {
		if ps = r.op.CheckRequest(rq); len(ps) > 0 {
			if r.validate {
				inspecting(w).matched(r.ep.Name, nil, ps)
				note(w, r.ep.Name+": refused: "+ps[0].String())
				r.errors.Write(w, contract.BadRequest(ps))
				return
			}
			unfit = unfitNote + ps[0].String()
			if len(ps) > 1 {
				unfit += " (and more; see bb serve --validate)"
			}
		}
	}
	p, herr := r.stub.Answer(rq, r.play)
	inspecting(w).matched(r.ep.Name, &p, ps)
	if herr != nil {
		msg := herr.Msg
		if len(p.Misses) > 0 {
			msg = r.ep.Name + ": no response matched (" + strings.Join(herr.Unmatched, "; ") + ")"
		}
		if f := p.Note(); f != "" {
			msg += " (" + f + ")"
		}
		note(w, msg+unfit)
		r.errors.Write(w, herr)
		return
	}
	n := r.notes[p.Index]
	if f := p.Note(); f != "" {
		if strings.HasSuffix(n, ")") {
			n = n[:len(n)-1] + "; " + f + ")"
		} else {
			n += " (" + f + ")"
		}
	}
	n += unfit
	note(w, n)
	wrote, err := p.Write(w, req)
	switch {
	case err != nil:
		note(w, n+"; its template failed: "+err.Error())
		r.errors.Write(w, &contract.HTTPError{Status: http.StatusInternalServerError, Msg: "the stub answer could not be filled in: " + err.Error()})
	case !wrote && p.Fault() == "":
		note(w, n+"; the client went away during the delay")
	}
}
