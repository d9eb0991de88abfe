package spec

import "testing"

// TestResourceAnswersAreRecords: a resource route's 2xx answers carry its record, typed
// as the record even where the seed shown leaves out an optional field, and even for a
// resource typed by a schema alone, whose examples have no body.
func TestResourceAnswersAreRecords(t *testing.T) {
	s := mustParse(t, `
		version: 1
		resources:
		  messages:
		    seed:
		      - {id: 1, text: hello}
		      - {id: 2, text: hi, reply_to: 1}
		  tickets:
		    id: uuid
		    schema: {type: object, required: [id], properties: {id: {type: string}, title: {type: string}}}
		`)
	ts, err := InferTypes(s, InferOptions{Answers: true})
	if err != nil {
		t.Fatal(err)
	}
	for _, et := range ts.Endpoints {
		record := ts.Resource(et.Endpoint.Resource).Record
		for _, a := range et.Answers {
			if a.Status < 200 || a.Status >= 300 {
				continue
			}
			want := record
			if et.Endpoint.Name == "listMessages" || et.Endpoint.Name == "listTickets" {
				want = &Type{Kind: TypeArray, Elem: record}
			}
			switch {
			case et.Endpoint.Name == "deleteMessage" || et.Endpoint.Name == "deleteTicket":
				if a.Media != MediaNone {
					t.Errorf("%s %d: a delete answers without a body, got media %d", et.Endpoint.Name, a.Status, a.Media)
				}
			case a.Media != MediaJSON || a.Body == nil:
				t.Errorf("%s %d: media %d, body %v; want the record as JSON", et.Endpoint.Name, a.Status, a.Media, a.Body)
			case !sameType(bare(a.Body), bare(want)):
				t.Errorf("%s %d: answers %s, want %s", et.Endpoint.Name, a.Status, shapeKey(a.Body), shapeKey(want))
			case a.Body.Kind == TypeObject && a.Body.Object.Name != record.Object.Name:
				t.Errorf("%s %d: answers %s, want %s", et.Endpoint.Name, a.Status, a.Body.Object.Name, record.Object.Name)
			}
		}
	}
}
