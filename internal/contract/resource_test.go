package contract

import (
	"encoding/json"
	"fmt"
	"net/url"
	"strings"
	"testing"
)

func noteResource() *Resource {
	return &Resource{Name: "notes", Item: "note", Path: "/notes", Param: "id", ID: "id", IDKind: IDInt,
		Record: &Schema{Kind: KindObject, Fields: []Field{
			{Key: "id", Required: true, Schema: &Schema{Kind: KindInt}},
			{Key: "user", Required: true, Schema: &Schema{Kind: KindString}},
			{Key: "mood", Schema: &Schema{Kind: KindString, Enum: []string{"happy", "sad"}}},
			{Key: "at", Schema: &Schema{Kind: KindDateTime}},
			{Key: "read", Schema: &Schema{Kind: KindBool}},
			{Key: "tags", Schema: &Schema{Kind: KindArray, Elem: &Schema{Kind: KindString}}},
		}}}
}

func TestParseListQuery(t *testing.T) {
	res := noteResource()
	for _, tt := range []struct {
		query string
		want  string // the query as read, or its problems
	}{
		{"", "filters [] sort  desc false limit 0 offset 0"},
		{"user=larry&read=true&id=3", "filters [{id 3} {user larry} {read true}] sort  desc false limit 0 offset 0"},
		{"_sort=-user", "filters [] sort user desc true limit 0 offset 0"},
		{"_sort=user&_order=DESC", "filters [] sort user desc true limit 0 offset 0"},
		{"_page=3", "filters [] sort  desc false limit 10 offset 20"},
		{"_page=2&_limit=5", "filters [] sort  desc false limit 5 offset 5"},
		{"_start=7&_limit=5", "filters [] sort  desc false limit 5 offset 7"},
		{"at=2026-11-30t10:00:00.500%2B00:00", "filters [{at 2026-11-30T10:00:00.5Z}] sort  desc false limit 0 offset 0"},
		{"usr=larry", `query.usr: not a field of note to filter by, nor a list option; did you mean "user"?`},
		{"tags=a", `query.tags: not a field of note to filter by, nor a list option (id, user, mood, at, read, _sort, _order, _limit, _page, _start)`},
		{"id=x", `query.id: expected integer, got "x"`},
		{"mood=meh", `query.mood: expected one of happy, sad, got "meh"`},
		{"user=a&user=b", "query.user: given 2 times; give it once"},
		{"_sort=tags", `query._sort: "tags" is not a field of note to sort by`},
		{"_sort=usr", `query._sort: "usr" is not a field of note to sort by; did you mean "user"?`},
		{"_order=up", `query._order: expected asc or desc, got "up"`},
		{"_limit=0", `query._limit: expected a whole number from 1, got "0"`},
		{"_limit=-1", `query._limit: expected a whole number from 1, got "-1"`},
		{"_page=0", `query._page: expected a whole number from 1, got "0"`},
		{"_page=1&_start=2", "query._start: give _page or _start, not both"},
	} {
		v, err := url.ParseQuery(tt.query)
		if err != nil {
			t.Fatal(err)
		}
		q, ps := res.ParseListQuery(v)
		got := ps.Error()
		if len(ps) == 0 {
			data := make([]string, len(q.Filters))
			for i, f := range q.Filters {
				data[i] = fmt.Sprintf("{%s %v}", f.Field, f.Value)
			}
			got = fmt.Sprintf("filters [%s] sort %s desc %t limit %d offset %d", strings.Join(data, " "), q.Sort, q.Desc, q.Limit, q.Offset)
		}
		if got != tt.want {
			t.Errorf("%q:\n got %s\nwant %s", tt.query, got, tt.want)
		}
	}
}

func TestMergePatch(t *testing.T) {
	for _, tt := range []struct{ doc, patch, want string }{
		{`{"a":1,"b":2}`, `{"b":3,"c":4}`, `{"a":1,"b":3,"c":4}`},
		{`{"a":1,"b":2}`, `{"a":null}`, `{"b":2}`},
		{`{"a":{"x":1,"y":2}}`, `{"a":{"y":null,"z":3}}`, `{"a":{"x":1,"z":3}}`},
		{`{"a":[1,2]}`, `{"a":[3]}`, `{"a":[3]}`},
		{`{"a":1}`, `[1]`, `[1]`},
		{`[1]`, `{"a":1}`, `{"a":1}`},
		{`{"a":1}`, `{}`, `{"a":1}`},
	} {
		var doc, patch any
		json.Unmarshal([]byte(tt.doc), &doc)
		json.Unmarshal([]byte(tt.patch), &patch)
		got, _ := json.Marshal(MergePatch(doc, patch))
		if string(got) != tt.want {
			t.Errorf("%s + %s = %s, want %s", tt.doc, tt.patch, got, tt.want)
		}
		if again, _ := json.Marshal(doc); string(again) != tt.doc && tt.doc[0] == '{' {
			t.Errorf("MergePatch changed its doc: %s", again)
		}
	}
}

// FuzzListQuery: any query string gets a query or problems, never a panic, and a read
// query only names the record's filterable fields.
func FuzzListQuery(f *testing.F) {
	for _, s := range []string{"", "user=larry&_sort=-at&_page=2&_limit=20", "_start=3", "id=1&id=2", "_sort=-", "%zz", "_page=99999999999", "at=2026-11-30T10:00:00Z"} {
		f.Add(s)
	}
	res := noteResource()
	f.Fuzz(func(t *testing.T, raw string) {
		v, err := url.ParseQuery(raw)
		if err != nil {
			return
		}
		q, ps := res.ParseListQuery(v)
		if len(ps) > 0 {
			return
		}
		if q.Limit < 0 || q.Offset < 0 {
			t.Fatalf("%q: limit %d offset %d", raw, q.Limit, q.Offset)
		}
		for _, flt := range q.Filters {
			if res.Record.field(flt.Field) == nil {
				t.Fatalf("%q: filter on %q", raw, flt.Field)
			}
		}
	})
}
