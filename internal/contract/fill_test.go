package contract

import (
	"encoding/json"
	"reflect"
	"testing"
	"time"
)

// fillItem and fillBody are types as bb eject generates them, with every kind a body
// position can have.
type fillItem struct {
	ID   int64    `json:"id"`
	Tags []string `json:"tags,omitempty"`
}

type fillBody struct {
	Name   string              `json:"name"`
	Qty    int64               `json:"qty"`
	Price  float64             `json:"price"`
	OK     *bool               `json:"ok,omitempty"`
	Note   *string             `json:"note"`
	Items  []fillItem          `json:"items"`
	Ptrs   []*fillItem         `json:"ptrs,omitempty"`
	Counts map[string]int64    `json:"counts,omitempty"`
	Owner  *fillItem           `json:"owner,omitempty"`
	Extra  any                 `json:"extra,omitempty"`
	Deep   map[string][]*int64 `json:"deep,omitempty"`
}

var fillItemSchema = &Schema{Kind: KindObject, Name: "Item", Fields: []Field{
	{Key: "id", Required: true, Schema: &Schema{Kind: KindInt}},
	{Key: "tags", Schema: &Schema{Kind: KindArray, Elem: &Schema{Kind: KindString}}},
}}

var fillBodySchema = &Schema{Kind: KindObject, Name: "Body", Fields: []Field{
	{Key: "name", Required: true, Schema: &Schema{Kind: KindString}},
	{Key: "qty", Required: true, Schema: &Schema{Kind: KindInt}},
	{Key: "price", Required: true, Schema: &Schema{Kind: KindNumber}},
	{Key: "ok", Schema: &Schema{Kind: KindBool, Nullable: true}},
	{Key: "note", Required: true, Schema: &Schema{Kind: KindString, Nullable: true}},
	{Key: "items", Required: true, Schema: &Schema{Kind: KindArray, Elem: fillItemSchema}},
	{Key: "ptrs", Schema: &Schema{Kind: KindArray, Nullable: true, Elem: NullableSchema(fillItemSchema)}},
	{Key: "counts", Schema: &Schema{Kind: KindMap, Nullable: true, Elem: &Schema{Kind: KindInt}}},
	{Key: "owner", Schema: NullableSchema(fillItemSchema)},
	{Key: "extra", Schema: &Schema{Kind: KindAny}},
	{Key: "deep", Schema: &Schema{Kind: KindMap, Nullable: true, Elem: &Schema{Kind: KindArray, Elem: &Schema{Kind: KindInt, Nullable: true}}}},
}}

// decodeCanonical is DecodeBody without the filler: the canonical text, read by
// encoding/json.
func decodeCanonical(t testing.TB, s *Schema, body string, v any) {
	t.Helper()
	doc, err := Decode([]byte(body), "body")
	if err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(s.Canonical(doc), v); err != nil {
		t.Fatal(err)
	}
}

func TestDecodeBodyFillsAsEncodingJSON(t *testing.T) {
	for _, body := range []string{
		`{"name":"a","qty":3,"price":9.5,"note":null,"items":[]}`,
		`{"name":"a","qty":3.0,"price":1e2,"note":"n","items":[{"id":1,"tags":["x","y"]},{"id":2E0}],"ok":false}`,
		`{"name":"é\n","qty":-7,"price":-0.0,"note":null,"items":[{"id":1,"tags":[]}],"ptrs":[null,{"id":5}],"counts":{"a":1,"b":20e-1}}`,
		`{"name":"","qty":0,"price":0,"note":"","items":[],"owner":{"id":9},"extra":{"x":[1,2.5,"s",null,true,{"y":1e3}]}}`,
		`{"name":"x","qty":1,"price":1,"note":null,"items":[],"extra":12345678901234567890,"deep":{"k":[1,null,3],"e":[]},"counts":{}}`,
		`{"name":"x","qty":1,"price":1,"note":null,"items":[],"extra":null,"owner":null,"ptrs":null,"counts":null,"deep":null,"ok":null}`,
	} {
		rq := &Request{Body: []byte(body)}
		doc, _, err := rq.JSON()
		if err != nil {
			t.Fatalf("%s: %v", body, err)
		}
		if ps := fillBodySchema.CheckStrict(doc, "body").Errors(); len(ps) > 0 {
			t.Fatalf("%s does not fit: %v", body, ps)
		}
		var got, want fillBody
		if err := DecodeBody(rq, fillBodySchema, &got); err != nil {
			t.Fatalf("%s: %v", body, err)
		}
		decodeCanonical(t, fillBodySchema, body, &want)
		if !reflect.DeepEqual(got, want) {
			t.Errorf("%s:\nfilled    %#v\nencoding/json %#v", body, got, want)
		}
	}
	if fillerFor(fillBodySchema, reflect.TypeFor[fillBody]()) == nil {
		t.Error("the generated kinds of type are left to encoding/json")
	}
}

func TestDecodeBodyLeavesSelfDecodingTypesToEncodingJSON(t *testing.T) {
	type patch struct {
		Name Nullable[string] `json:"name,omitzero"`
	}
	type dated struct {
		At time.Time `json:"at"`
	}
	type untagged struct{ N int64 }
	patchSchema := &Schema{Kind: KindObject, Fields: []Field{{Key: "name", Schema: &Schema{Kind: KindString, Nullable: true}}}}
	datedSchema := &Schema{Kind: KindObject, Fields: []Field{{Key: "at", Required: true, Schema: &Schema{Kind: KindDateTime}}}}
	untaggedSchema := &Schema{Kind: KindObject, Fields: []Field{{Key: "n", Required: true, Schema: &Schema{Kind: KindInt}}}}
	for _, c := range []struct {
		s    *Schema
		t    reflect.Type
		body string
		v    any
		want any
	}{
		{patchSchema, reflect.TypeFor[patch](), `{"name":null}`, &patch{}, &patch{Name: Null[string]()}},
		{datedSchema, reflect.TypeFor[dated](), `{"at":"2026-01-02t03:04:05z"}`, &dated{}, &dated{At: time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC)}},
		{untaggedSchema, reflect.TypeFor[untagged](), `{"n":4.0}`, &untagged{}, &untagged{N: 4}},
	} {
		if fillerFor(c.s, c.t) != nil {
			t.Errorf("%v is filled, not decoded by encoding/json", c.t)
		}
		if err := DecodeBody(&Request{Body: []byte(c.body)}, c.s, c.v); err != nil {
			t.Fatalf("%s: %v", c.body, err)
		}
		if !reflect.DeepEqual(c.v, c.want) {
			t.Errorf("%s: got %#v, want %#v", c.body, c.v, c.want)
		}
	}
}

// FuzzDecodeBody holds DecodeBody's filler to encoding/json's reading of the canonical
// text, for every body the check lets through.
func FuzzDecodeBody(f *testing.F) {
	f.Add(`{"name":"a","qty":3,"price":9.5,"note":null,"items":[{"id":1,"tags":["x"]}],"ptrs":[null],"counts":{"a":1},"extra":[1,{"b":null}],"deep":{"k":[1,null]}}`)
	f.Add(`{"name":"a","qty":1e1,"price":-1.5e-3,"note":"\u00e9","items":[],"owner":{"id":2}}`)
	f.Fuzz(func(t *testing.T, body string) {
		rq := &Request{Body: []byte(body)}
		doc, present, err := rq.JSON()
		if err != nil || !present || len(fillBodySchema.CheckStrict(doc, "body").Errors()) > 0 {
			return
		}
		var got, want fillBody
		gotErr := DecodeBody(rq, fillBodySchema, &got)
		wantErr := json.Unmarshal(fillBodySchema.Canonical(doc), &want)
		if (gotErr == nil) != (wantErr == nil) {
			t.Fatalf("%s: DecodeBody %v, encoding/json %v", body, gotErr, wantErr)
		}
		if gotErr == nil && !reflect.DeepEqual(got, want) {
			t.Fatalf("%s:\nfilled        %#v\nencoding/json %#v", body, got, want)
		}
	})
}
