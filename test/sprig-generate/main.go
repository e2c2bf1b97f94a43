// Command sprig-generate-check judges what vtpl's random and generating sprig functions
// produced, with real Go: bcrypt/htpasswd hashes against their passwords (x/crypto/bcrypt),
// encryptAES output decrypted by sprig's own decryptAES, and generated private keys parsed
// and validated by crypto/x509 (and, for DSA, sprig's DSAKeyFormat). Their output cannot be
// compared byte for byte with Go's: it is random in Go too.
//
// Input (stdin): the JSON that scripts/check-sprig-generate.ts writes. Output: one line per
// check; exit status 1 when any check fails.
package main

import (
	"crypto/dsa"
	"crypto/ecdsa"
	"crypto/ed25519"
	"crypto/elliptic"
	"crypto/rsa"
	"crypto/tls"
	"crypto/x509"
	"encoding/asn1"
	"encoding/json"
	"encoding/pem"
	"fmt"
	"math/big"
	"os"
	"reflect"
	"strings"
	"time"

	"github.com/Masterminds/sprig/v3"
	"golang.org/x/crypto/bcrypt"
)

type input struct {
	Password  string            `json:"password"`
	Bcrypt    string            `json:"bcrypt"`
	HtUser    string            `json:"htUser"`
	Htpasswd  string            `json:"htpasswd"`
	AESKey    string            `json:"aesKey"`
	AESPlain  string            `json:"aesPlain"`
	AESCipher []string          `json:"aesCipher"`
	Keys      map[string]string `json:"keys"`
	Certs     []certCase        `json:"certs"`
}

// A certificate vtpl generated, what it was asked for, and the CA that signed it ("" = itself).
type certCase struct {
	Name   string   `json:"name"`
	Cert   string   `json:"cert"`
	Key    string   `json:"key"`
	CN     string   `json:"cn"`
	IPs    []string `json:"ips"`
	DNS    []string `json:"dns"`
	Days   int      `json:"days"`
	IsCA   bool     `json:"isCA"`
	Signer string   `json:"signer"`
}

func parseCert(text string) (*x509.Certificate, error) {
	block, rest := pem.Decode([]byte(text))
	if block == nil || len(rest) != 0 || block.Type != "CERTIFICATE" {
		return nil, fmt.Errorf("not exactly one CERTIFICATE PEM block")
	}
	return x509.ParseCertificate(block.Bytes)
}

// checkCert: the certificate parses, carries what sprig's template asks for, matches its key,
// and chains to its signer (or to itself).
func checkCert(c certCase, byName map[string]certCase) error {
	cert, err := parseCert(c.Cert)
	if err != nil {
		return err
	}
	if _, err := tls.X509KeyPair([]byte(c.Cert), []byte(c.Key)); err != nil {
		return fmt.Errorf("key does not match the certificate: %v", err)
	}
	if cert.Subject.CommonName != c.CN || cert.IsCA != c.IsCA || !cert.BasicConstraintsValid {
		return fmt.Errorf("CN %q IsCA %v BasicConstraintsValid %v", cert.Subject.CommonName, cert.IsCA, cert.BasicConstraintsValid)
	}
	if got := cert.NotAfter.Sub(cert.NotBefore); got != time.Duration(c.Days)*24*time.Hour {
		return fmt.Errorf("valid for %v, want %d days", got, c.Days)
	}
	if since := time.Since(cert.NotBefore); since < 0 || since > 10*time.Minute {
		return fmt.Errorf("NotBefore %v is not now", cert.NotBefore)
	}
	wantUsage := x509.KeyUsageKeyEncipherment | x509.KeyUsageDigitalSignature
	if c.IsCA {
		wantUsage |= x509.KeyUsageCertSign
		if len(cert.SubjectKeyId) == 0 {
			return fmt.Errorf("a CA without SubjectKeyId")
		}
	}
	if cert.KeyUsage != wantUsage || len(cert.ExtKeyUsage) != 2 || cert.ExtKeyUsage[0] != x509.ExtKeyUsageServerAuth || cert.ExtKeyUsage[1] != x509.ExtKeyUsageClientAuth {
		return fmt.Errorf("KeyUsage %v ExtKeyUsage %v", cert.KeyUsage, cert.ExtKeyUsage)
	}
	if fmt.Sprint(cert.DNSNames) != fmt.Sprint(nonNil(c.DNS)) {
		return fmt.Errorf("DNSNames %v, want %v", cert.DNSNames, c.DNS)
	}
	var ips []string
	for _, ip := range cert.IPAddresses {
		ips = append(ips, ip.String())
	}
	if fmt.Sprint(nonNil(ips)) != fmt.Sprint(nonNil(c.IPs)) {
		return fmt.Errorf("IPAddresses %v, want %v", ips, c.IPs)
	}
	if c.Signer == "" {
		// Self-signed: CheckSignatureFrom would insist on a CA; the signature itself must hold.
		return cert.CheckSignature(cert.SignatureAlgorithm, cert.RawTBSCertificate, cert.Signature)
	}
	parent, err := parseCert(byName[c.Signer].Cert)
	if err != nil {
		return fmt.Errorf("signer: %v", err)
	}
	if string(cert.AuthorityKeyId) != string(parent.SubjectKeyId) {
		return fmt.Errorf("AuthorityKeyId differs from the signer's SubjectKeyId")
	}
	roots := x509.NewCertPool()
	roots.AddCert(parent)
	_, err = cert.Verify(x509.VerifyOptions{Roots: roots, KeyUsages: []x509.ExtKeyUsage{x509.ExtKeyUsageAny}})
	return err
}

// signWithSprig calls sprig's genSignedCert with vtpl's CA (sprig's certificate type is
// unexported: it is filled through reflection) and verifies the result against that CA.
func signWithSprig(ca certCase) error {
	gen := reflect.ValueOf(sprig.TxtFuncMap()["genSignedCert"])
	caValue := reflect.New(gen.Type().In(4)).Elem()
	caValue.FieldByName("Cert").SetString(ca.Cert)
	caValue.FieldByName("Key").SetString(ca.Key)
	out := gen.Call([]reflect.Value{reflect.ValueOf("by-go"), reflect.ValueOf([]interface{}(nil)), reflect.ValueOf([]interface{}(nil)), reflect.ValueOf(1), caValue})
	if err, _ := out[1].Interface().(error); err != nil {
		return err
	}
	leaf := certCase{Name: "by-go", Cert: out[0].FieldByName("Cert").String(), Key: out[0].FieldByName("Key").String(), CN: "by-go", Days: 1, Signer: ca.Name}
	return checkCert(leaf, map[string]certCase{ca.Name: ca})
}

func nonNil(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}

// sprig's DSAKeyFormat (crypto.go).
type dsaKeyFormat struct {
	Version       int
	P, Q, G, Y, X *big.Int
}

var failed bool

func report(name string, err error) {
	if err != nil {
		failed = true
		fmt.Printf("FAIL %s: %v\n", name, err)
		return
	}
	fmt.Printf("ok   %s\n", name)
}

func checkBcrypt(hash, password string) error {
	if !strings.HasPrefix(hash, "$2a$10$") {
		return fmt.Errorf("%q does not start with $2a$10$ as x/crypto/bcrypt's DefaultCost hashes do", hash)
	}
	return bcrypt.CompareHashAndPassword([]byte(hash), []byte(password))
}

func checkKey(typ, text string) error {
	block, rest := pem.Decode([]byte(text))
	if block == nil || len(rest) != 0 {
		return fmt.Errorf("not exactly one PEM block")
	}
	if string(pem.EncodeToMemory(block)) != text {
		return fmt.Errorf("PEM text differs from what Go's pem.EncodeToMemory writes")
	}
	switch typ {
	case "rsa":
		k, err := x509.ParsePKCS1PrivateKey(block.Bytes)
		if err != nil {
			return err
		}
		if block.Type != "RSA PRIVATE KEY" || k.N.BitLen() != 4096 {
			return fmt.Errorf("type %s, %d bits", block.Type, k.N.BitLen())
		}
		var _ *rsa.PrivateKey = k
		return k.Validate()
	case "ecdsa":
		k, err := x509.ParseECPrivateKey(block.Bytes)
		if err != nil {
			return err
		}
		if block.Type != "EC PRIVATE KEY" || k.Curve != elliptic.P256() {
			return fmt.Errorf("type %s, curve %v", block.Type, k.Curve.Params().Name)
		}
		b, _ := x509.MarshalECPrivateKey(k)
		if string(b) != string(block.Bytes) {
			return fmt.Errorf("DER differs from x509.MarshalECPrivateKey")
		}
		var _ *ecdsa.PrivateKey = k
		return nil
	case "ed25519":
		k, err := x509.ParsePKCS8PrivateKey(block.Bytes)
		if err != nil {
			return err
		}
		if _, ok := k.(ed25519.PrivateKey); !ok || block.Type != "PRIVATE KEY" {
			return fmt.Errorf("type %s, key %T", block.Type, k)
		}
		b, _ := x509.MarshalPKCS8PrivateKey(k)
		if string(b) != string(block.Bytes) {
			return fmt.Errorf("DER differs from x509.MarshalPKCS8PrivateKey")
		}
		return nil
	case "dsa":
		var f dsaKeyFormat
		rest, err := asn1.Unmarshal(block.Bytes, &f)
		if err != nil || len(rest) != 0 {
			return fmt.Errorf("not sprig's DSAKeyFormat: %v", err)
		}
		if block.Type != "DSA PRIVATE KEY" || f.P.BitLen() != 2048 || f.Q.BitLen() != 256 {
			return fmt.Errorf("type %s, L=%d N=%d (want 2048/256)", block.Type, f.P.BitLen(), f.Q.BitLen())
		}
		if new(big.Int).Exp(f.G, f.X, f.P).Cmp(f.Y) != 0 {
			return fmt.Errorf("Y != G^X mod P")
		}
		b, _ := asn1.Marshal(f)
		if string(b) != string(block.Bytes) {
			return fmt.Errorf("DER differs from asn1.Marshal(DSAKeyFormat)")
		}
		var _ = dsa.Parameters{P: f.P, Q: f.Q, G: f.G}
		return nil
	}
	return fmt.Errorf("unknown key type %s", typ)
}

func main() {
	var in input
	if err := json.NewDecoder(os.Stdin).Decode(&in); err != nil {
		fmt.Println("FAIL reading input:", err)
		os.Exit(1)
	}
	report("bcrypt hash matches its password", checkBcrypt(in.Bcrypt, in.Password))
	user, hash, _ := strings.Cut(in.Htpasswd, ":")
	if user != in.HtUser {
		report("htpasswd user", fmt.Errorf("user %q, want %q", user, in.HtUser))
	}
	report("htpasswd hash matches its password", checkBcrypt(hash, in.Password))
	decrypt := sprig.TxtFuncMap()["decryptAES"].(func(string, string) (string, error))
	for i, c := range in.AESCipher {
		got, err := decrypt(in.AESKey, c)
		if err == nil && got != in.AESPlain {
			err = fmt.Errorf("decryptAES gave %q, want %q", got, in.AESPlain)
		}
		report(fmt.Sprintf("sprig decryptAES reads encryptAES output %d", i), err)
	}
	for _, typ := range []string{"rsa", "ecdsa", "ed25519", "dsa"} {
		report("genPrivateKey "+typ+" parses and validates", checkKey(typ, in.Keys[typ]))
	}
	byName := map[string]certCase{}
	for _, c := range in.Certs {
		byName[c.Name] = c
	}
	for _, c := range in.Certs {
		report("certificate "+c.Name, checkCert(c, byName))
	}
	// sprig itself signs with a CA vtpl made: Go reads vtpl's certificate and key as sprig does.
	for _, c := range in.Certs {
		if c.IsCA {
			report("sprig's genSignedCert signs with CA "+c.Name, signWithSprig(c))
		}
	}
	if failed {
		os.Exit(1)
	}
}
