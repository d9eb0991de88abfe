package eject

import (
	"fmt"
	"go/token"
	"slices"
	"strings"
	"unicode"

	"github.com/backwards-backend/bb/internal/spec"
)

// initialisms are the words Go writes in one case: UserID, not UserId (the list golint
// and gopls use).
var initialisms = map[string]bool{}

func init() {
	for _, w := range strings.Fields(`ACL API ASCII CPU CSS DNS EOF GUID HTML HTTP HTTPS ID IP
		JSON LHS QPS RAM RHS RPC SLA SMTP SQL SSH TCP TLS TTL UDP UI UID UUID URI URL UTF8 VM
		XML XMPP XSRF XSS`) {
		initialisms[w] = true
	}
}

// stdMethods are method names go vet expects to have a standard signature (MarshalJSON,
// Scan, WriteTo …): a handler method of that name would fail vet, so it gets a suffix.
var stdMethods = map[string]bool{}

func init() {
	for _, m := range strings.Fields(`As Format GobDecode GobEncode Is MarshalJSON MarshalXML
		MarshalText Peek ReadByte ReadFrom ReadRune Scan Seek String UnmarshalJSON
		UnmarshalText UnmarshalXML UnreadByte UnreadRune Unwrap WriteByte WriteTo Error`) {
		stdMethods[m] = true
	}
}

// handlerFields are the fields of the Handlers struct bb writes into
// internal/handlers; a handler method cannot share a field's name.
var handlerFields = map[string]bool{"Store": true}

// opName is the Go name of an operation: its handler method, and the prefix of its
// input and output types and of its output's constructors. A name that would clash
// with a name package api or the Handlers struct declares gets an Endpoint suffix.
func opName(op string) string {
	n := goName(op)
	if stdMethods[n] || handlerFields[n] || slices.Contains(apiNames, n) || slices.Contains(apiNames, n+"Input") || slices.Contains(apiNames, n+"Output") {
		n += "Endpoint"
	}
	return n
}

// goName turns a JSON key or an operation name into an exported Go identifier:
// created_at → CreatedAt, user_id → UserID, 2fa → X2fa. It is "" only for a name
// with no letters or digits at all.
func goName(s string) string {
	var b strings.Builder
	for _, w := range spec.Words(s) {
		up := strings.ToUpper(w)
		if initialisms[up] {
			b.WriteString(up)
			continue
		}
		if plural, ok := strings.CutSuffix(up, "S"); ok && initialisms[plural] && len(w) > 2 {
			b.WriteString(plural + "s") // ids → IDs, urls → URLs
			continue
		}
		b.WriteString(spec.UpperCamel([]string{w}))
	}
	n := b.String()
	if n == "" {
		return ""
	}
	if r := []rune(n)[0]; !unicode.IsLetter(r) || !unicode.IsUpper(r) {
		// A digit or a letter without case cannot start an exported name.
		n = "X" + n
	}
	return n
}

// fileName turns an operation name into a handler file name: getMessages →
// get_messages.go. A name that Go would read as a build constraint (_test, _linux,
// _arm64) gets a _handler suffix, so the file is always compiled.
func fileName(op string) string {
	words := spec.Words(op)
	for i, w := range words {
		words[i] = strings.ToLower(w)
	}
	base := strings.Join(words, "_")
	switch {
	case base == "":
		base = "endpoint"
	case base == "handlers", len(words) > 1 && (words[len(words)-1] == "test" || goosArch[words[len(words)-1]]):
		base += "_handler"
	}
	return base + ".go"
}

// goosArch are the GOOS and GOARCH values that make a file name a build constraint.
var goosArch = map[string]bool{}

func init() {
	for _, w := range strings.Fields(`aix android darwin dragonfly freebsd hurd illumos ios js
		linux nacl netbsd openbsd plan9 solaris wasip1 windows zos 386 amd64 amd64p32 arm
		armbe arm64 arm64be loong64 mips mipsle mips64 mips64le mips64p32 mips64p32le ppc
		ppc64 ppc64le riscv riscv64 s390 s390x sparc sparc64 wasm`) {
		goosArch[w] = true
	}
}

// uniqueNames hands out names that do not collide with each other or with taken ones,
// adding 2, 3 … to repeats: two keys user_id and userId become UserID and UserID2.
type uniqueNames map[string]bool

func (u uniqueNames) claim(name string) string {
	if name == "" || token.IsKeyword(name) {
		name = "Field" + name
	}
	n := name
	for i := 2; u[n]; i++ {
		n = fmt.Sprintf("%s%d", name, i)
	}
	u[n] = true
	return n
}
