package swift

import (
	"testing"

	"github.com/backwards-backend/bb/internal/spec"
)

func TestLowerCamel(t *testing.T) {
	tests := map[string]string{
		"created_at":    "createdAt",
		"created-at":    "createdAt",
		"createdAt":     "createdAt",
		"CreatedAt":     "createdAt",
		"URL":           "url",
		"userID":        "userID",
		"IOSVersion":    "iosVersion",
		"X-Total-Count": "xTotalCount",
		"2fa_enabled":   "_2faEnabled",
		"42":            "_42",
		"名前":            "名前",
		"Über":          "über",
		"$ref":          "ref",
		"🔥":             "value",
		"":              "value",
		"__proto__":     "proto",
		"default":       "default",
		"user_id":       "userID",
		"userId":        "userID",
		"avatar_url":    "avatarURL",
		"url":           "url",
		"id":            "id",
		"photo_urls":    "photoURLs",
		"friend_ids":    "friendIDs",
		"api_key":       "apiKey",
		"base_api_url":  "baseAPIURL",
		"idle":          "idle",
		"user_identity": "userIdentity",
	}
	for in, want := range tests {
		if got := lowerCamel(in); got != want {
			t.Errorf("lowerCamel(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestEscape(t *testing.T) {
	for _, w := range []string{"default", "class", "self", "protocol", "in", "is", "func", "init", "inout", "where", "repeat", "await", "some", "any", "Type", "Self", "Any"} {
		if got := escape(w); got != "`"+w+"`" {
			t.Errorf("escape(%q) = %q", w, got)
		}
	}
	for _, w := range []string{"type", "name", "value", "left", "get", "set", "open2", "description"} {
		if got := escape(w); got != w {
			t.Errorf("escape(%q) = %q, want it unchanged", w, got)
		}
	}
}

func TestScopeUnique(t *testing.T) {
	s := scope{}
	got := []string{s.unique("userId"), s.unique("userId"), s.unique("userId2"), s.unique("userId")}
	want := []string{"userId", "userId2", "userId22", "userId3"}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("unique #%d = %q, want %q", i, got[i], want[i])
		}
	}
}

func TestStringLiteral(t *testing.T) {
	tests := map[string]string{
		`plain`:      `"plain"`,
		`a"b`:        `"a\"b"`,
		`back\slash`: `"back\\slash"`,
		"tab\there":  `"tab\there"`,
		"nl\n":       `"nl\n"`,
		"\x01":       `"\u{1}"`,
		"名前":         `"名前"`,
		`\(x)`:       `"\\(x)"`,
	}
	for in, want := range tests {
		if got := stringLiteral(in); got != want {
			t.Errorf("stringLiteral(%q) = %s, want %s", in, got, want)
		}
	}
}

func TestFixPercents(t *testing.T) {
	tests := map[string]string{"a%20b": "a%20b", "a%zz": "a%25zz", "100%": "100%25", "%4": "%254"}
	for in, want := range tests {
		if got := fixPercents(in); got != want {
			t.Errorf("fixPercents(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestPackageNames(t *testing.T) {
	tests := []struct{ spec, opt, module, client string }{
		{"Messages", "", "MessagesAPI", "MessagesClient"},
		{"my app", "", "MyAppAPI", "MyAppClient"},
		{"Shop API", "", "ShopAPI", "ShopClient"},
		{"Messages", "chat-app", "ChatAppAPI", "ChatAppClient"},
		{"Messages", "9lives", "MessagesAPI", "MessagesClient"},
	}
	for _, tt := range tests {
		s := specNamed(tt.spec)
		n := PackageNames(s, Options{Name: tt.opt})
		if n.Module != tt.module || n.Client != tt.client {
			t.Errorf("%q/%q: got %s, %s; want %s, %s", tt.spec, tt.opt, n.Module, n.Client, tt.module, tt.client)
		}
	}
}

func specNamed(name string) *spec.Spec { return &spec.Spec{Name: name} }

func TestMemberName(t *testing.T) {
	for in, want := range map[string]string{"self": "selfValue", "init": "initValue", "hashValue": "hashValueField", "default": "default", "name": "name"} {
		if got := memberName(in); got != want {
			t.Errorf("memberName(%q) = %q, want %q", in, got, want)
		}
	}
}
