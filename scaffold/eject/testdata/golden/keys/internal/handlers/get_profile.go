package handlers

import (
	"net/http"

	"keys/internal/api"
)

// GetProfile answers GET /profile. Every kind of awkward key.
//
// It still gives the stub answers of bb.yaml; replace them with real logic.
// The store is h.Store.
func (h *Handlers) GetProfile(r *http.Request, in api.GetProfileInput) (api.Response, error) {
	return api.Response{Status: 200, Body: api.RawJSON(`{"user_id":1,"display-name":"Ada","createdAt":"2024-01-02T03:04:05Z","URL":"https://example.com","userID":7,"default":true,"class":"senior","self":"me","protocol":"https","Type":"admin","func":"f","in":1,"is":"no","operator":"op","where":"here","init":0,"repeat":2,"inout":"x","let":1,"var":2,"await":3,"async":4,"some":5,"any":6,"Self":7,"Any":8,"internal":9,"extension":10,"2fa_enabled":false,"3d":true,"42":"answer","名前":"花子","café":"au lait","über":"alles","🔥":"hot","$ref":"#/x","@id":"a1","a.b":"dotted","+1":"plus","X-Total-Count":3,"":"empty","_private":"p","__proto__":"q","settings":{"2fa":{"enabled":true,"default":"sms"},"class":{"name":"x"},"notifications-enabled":true}}`)}, nil
}
