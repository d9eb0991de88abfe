package handlers

import (
	"net/http"

	"shapes/internal/api"
)

// GetFeed answers GET /feed.
//
// It still gives the stub answers of bb.yaml; replace them with real logic.
// The request is typed in in.Page; the store is h.Store.
func (h *Handlers) GetFeed(r *http.Request, in api.GetFeedInput) (api.Response, error) {
	if api.StubMatches(r, "query.page", "1") {
		return api.Response{Status: 200, Body: api.RawJSON(`{"items":[{"id":1,"kind":"text","text":"hello","score":1,"meta":null},{"id":2,"kind":"image","url":"a.png","score":2.5,"meta":{"width":10,"height":20}}],"tags":[],"mixed":[1,"two",true,null],"numbers":[1,2.5,3],"grid":[[1,2],[3,4]],"matrix":[[{"x":1}],[{"x":2,"y":3}]],"nothing":null,"cursor":null,"level1":{"level2":{"level3":{"level4":{"level5":{"level6":{"value":"deep"}}}}}},"people":[{"name":"Ada","children":[{"name":"Bob"}]}],"categories":[{"id":1,"subcategories":[{"id":2}]}],"statuses":[{"code":"ok"}]}`)}, nil
	}
	return api.Response{Status: 200, Body: api.RawJSON(`{"items":[],"tags":[],"mixed":[],"numbers":[4],"grid":[],"matrix":[],"nothing":null,"cursor":"abc","level1":{"level2":{"level3":{"level4":{"level5":{"level6":{"value":"deeper","extra":1}}}}}},"people":[],"categories":[],"statuses":[],"added":"later"}`)}, nil
}
