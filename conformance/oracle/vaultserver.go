package main

import (
	"context"
	"encoding/json"
	"fmt"
	"net"
	"net/http"
	"net/http/httptest"
	"sort"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"

	dep "github.com/hashicorp/consul-template/dependency"
)

// vaultServer is a fake Vault answering from each case's recorded responses. One
// server serves every case of the process; a request finds its case by its token.
// Clients reach it over in-memory pipes, so thousands of cases per second open
// no TCP sockets (and leave no TIME_WAIT behind).
type vaultServer struct {
	listener *pipeListener
	server   *httptest.Server
	cases    sync.Map // token -> *caseVault
	next     atomic.Uint64
}

// caseVault is one case's view of Vault.
type caseVault struct {
	responses map[string]json.RawMessage
	mounts    []mount // longest path first
}

type mount struct {
	path string // always ends in "/"
	body []byte // the whole sys/internal/ui/mounts response
}

var (
	sharedVault     *vaultServer
	sharedVaultOnce sync.Once
)

// theVaultServer starts the process's fake Vault on first use.
func theVaultServer() *vaultServer {
	sharedVaultOnce.Do(func() {
		s := &vaultServer{listener: newPipeListener()}
		s.server = httptest.NewUnstartedServer(s)
		s.server.Listener = s.listener
		s.server.Start()
		sharedVault = s
	})
	return sharedVault
}

// register makes c's responses available under a fresh token.
func (s *vaultServer) register(c *Case) (token string, unregister func(), err error) {
	cv := &caseVault{responses: c.Vault}
	for key, raw := range c.Mounts {
		m, err := newMount(key, raw)
		if err != nil {
			return "", nil, err
		}
		cv.mounts = append(cv.mounts, m)
	}
	sort.Slice(cv.mounts, func(i, j int) bool { return len(cv.mounts[i].path) > len(cv.mounts[j].path) })
	token = "oracle-" + strconv.FormatUint(s.next.Add(1), 10)
	s.cases.Store(token, cv)
	return token, func() { s.cases.Delete(token) }, nil
}

// newClients builds the consul-template client set Vault Agent would use, talking
// to this server with the given token.
func (s *vaultServer) newClients(token string) (*dep.ClientSet, error) {
	clients := dep.NewClientSet()
	err := clients.CreateVaultClient(&dep.CreateVaultClientInput{
		Address:               "http://" + s.listener.Addr().String(),
		Token:                 token,
		TransportCustomDialer: s.listener,
	})
	if err != nil {
		return nil, err
	}
	return clients, nil
}

// newMount builds the body Vault returns for GET sys/internal/ui/mounts/PATH
// (logical_system.go pathInternalUIMountRead): the mount's info plus its "path".
func newMount(key string, raw json.RawMessage) (mount, error) {
	path := strings.TrimPrefix(key, "/")
	if !strings.HasSuffix(path, "/") {
		path += "/"
	}
	info := map[string]json.RawMessage{}
	if err := json.Unmarshal(raw, &info); err != nil {
		return mount{}, unfillable("mounts[%q]: %v", key, err)
	}
	if _, ok := info["path"]; !ok {
		info["path"], _ = json.Marshal(path)
	}
	data, err := json.Marshal(info)
	if err != nil {
		return mount{}, unfillable("mounts[%q]: %v", key, err)
	}
	body := fmt.Sprintf(`{"request_id":"00000000-0000-0000-0000-000000000000","lease_id":"","renewable":false,"lease_duration":0,"data":%s,"wrap_info":null,"warnings":null,"auth":null}`, data)
	return mount{path: path, body: []byte(body)}, nil
}

const mountsPrefix = "sys/internal/ui/mounts/"

func (s *vaultServer) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	v, ok := s.cases.Load(r.Header.Get("X-Vault-Token"))
	if !ok {
		respond(w, http.StatusForbidden, []byte(`{"errors":["permission denied"]}`))
		return
	}
	cv := v.(*caseVault)
	path := strings.TrimPrefix(r.URL.Path, "/v1/")
	switch {
	case r.Method == http.MethodGet && strings.HasPrefix(path, mountsPrefix):
		cv.serveMount(w, strings.TrimPrefix(path, mountsPrefix))
	case r.Method == "LIST" || (r.Method == http.MethodGet && r.URL.Query().Get("list") == "true"):
		cv.serve(w, "LIST "+path, "LIST "+strings.TrimSuffix(path, "/"), "LIST "+strings.TrimSuffix(path, "/")+"/")
	case r.Method == http.MethodGet:
		keys := []string{path}
		if r.URL.RawQuery != "" {
			keys = []string{path + "?" + r.URL.RawQuery, path}
		}
		cv.serve(w, keys...)
	case r.Method == http.MethodPut || r.Method == http.MethodPost:
		cv.serve(w, "PUT "+path)
	default:
		respond(w, http.StatusMethodNotAllowed, []byte(`{"errors":[]}`))
	}
}

// serve answers with the first recorded response among keys, else Vault's 404.
func (cv *caseVault) serve(w http.ResponseWriter, keys ...string) {
	for _, k := range keys {
		if body, ok := cv.responses[k]; ok {
			respond(w, http.StatusOK, body)
			return
		}
	}
	respond(w, http.StatusNotFound, []byte(`{"errors":[]}`))
}

// serveMount answers by longest-prefix match like Vault's router; with no match
// Vault denies (so the endpoint cannot be used to enumerate mounts).
func (cv *caseVault) serveMount(w http.ResponseWriter, path string) {
	path = strings.TrimPrefix(path, "/")
	if !strings.HasSuffix(path, "/") {
		path += "/"
	}
	for _, m := range cv.mounts {
		if strings.HasPrefix(path, m.path) {
			respond(w, http.StatusOK, m.body)
			return
		}
	}
	msg, _ := json.Marshal(fmt.Sprintf("preflight capability check returned 403, please ensure client's policies grant access to path %q", path))
	respond(w, http.StatusForbidden, []byte(`{"errors":[`+string(msg)+`]}`))
}

func respond(w http.ResponseWriter, status int, body []byte) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	w.Write(body)
}

// pipeListener is a net.Listener whose connections are in-memory pipes; it is
// also the dialer handed to the Vault client.
type pipeListener struct {
	conns  chan net.Conn
	closed chan struct{}
	once   sync.Once
}

func newPipeListener() *pipeListener {
	return &pipeListener{conns: make(chan net.Conn), closed: make(chan struct{})}
}

func (l *pipeListener) Accept() (net.Conn, error) {
	select {
	case c := <-l.conns:
		return c, nil
	case <-l.closed:
		return nil, net.ErrClosed
	}
}

func (l *pipeListener) Close() error {
	l.once.Do(func() { close(l.closed) })
	return nil
}

func (l *pipeListener) Addr() net.Addr { return pipeAddr{} }

func (l *pipeListener) Dial(network, address string) (net.Conn, error) {
	return l.DialContext(context.Background(), network, address)
}

func (l *pipeListener) DialContext(ctx context.Context, _, _ string) (net.Conn, error) {
	client, server := net.Pipe()
	select {
	case l.conns <- server:
		return client, nil
	case <-l.closed:
		return nil, net.ErrClosed
	case <-ctx.Done():
		return nil, ctx.Err()
	}
}

type pipeAddr struct{}

func (pipeAddr) Network() string { return "pipe" }

// String is the address the Vault client believes it talks to. It shows in Vault
// API errors (e.g. "URL: PUT http://127.0.0.1:8200/v1/..."), so it is fixed:
// Vault's dev-server address.
func (pipeAddr) String() string { return "127.0.0.1:8200" }
