package spec

import "github.com/backwards-backend/bb/internal/contract"

// Conditions lists the `when` conditions of each response of e, in order, as the
// contract kernel reads them: contract.Match picks the answer from them.
func (e *Endpoint) Conditions() [][]contract.Condition {
	out := make([][]contract.Condition, len(e.Responses))
	for i, r := range e.Responses {
		out[i] = make([]contract.Condition, len(r.When))
		for j := range r.When {
			out[i][j] = r.When[j].Condition
		}
	}
	return out
}

// Answering returns the 1-based index of the response of e that answers rq as a plain
// server plays the stubs (no scenario, no faults, a sequence's first turn): the first
// plain response whose conditions all hold, or 0 when none does (or the body is not
// JSON where a condition needs it).
func (e *Endpoint) Answering(rq *contract.Request) int {
	conds := e.Conditions()
	for i, r := range e.Responses {
		if r.Played(e, i) != "" {
			continue
		}
		held, _, err := contract.Holds(rq, conds[i], i)
		if err != nil {
			return 0
		}
		if held {
			return i + 1
		}
	}
	return 0
}
