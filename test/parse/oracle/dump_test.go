package parse

// TestDump writes Go's results for the upstream test tables and for extra-inputs.json
// into ../fixtures, for the TypeScript port to compare against.

import (
	"encoding/json"
	"fmt"
	"math"
	"os"
	"strconv"
	"testing"
)

type parseCase struct {
	Name     string   `json:"name"`
	Input    string   `json:"input"`
	Left     string   `json:"left,omitempty"`
	Right    string   `json:"right,omitempty"`
	Comments bool     `json:"comments,omitempty"`
	Funcs    []string `json:"funcs"` // nil: the default names below
}

type parseResult struct {
	parseCase
	Error string                    `json:"error,omitempty"`
	Trees map[string]map[string]any `json:"trees,omitempty"`
}

var defaultFuncs = []string{"and", "call", "html", "index", "slice", "js", "len", "not", "or", "print",
	"printf", "println", "urlquery", "eq", "ge", "gt", "le", "lt", "ne", "contains"}

func floatBits(f float64) string { return fmt.Sprintf("%016x", math.Float64bits(f)) }

func dumpNode(n Node) any {
	if n == nil || (fmt.Sprintf("%v", n) == "<nil>" && n.Type() == NodeList) {
		return nil
	}
	m := map[string]any{"pos": int(n.Position())}
	switch n := n.(type) {
	case *ListNode:
		if n == nil {
			return nil
		}
		m["t"] = "List"
		var nodes []any
		for _, c := range n.Nodes {
			nodes = append(nodes, dumpNode(c))
		}
		m["nodes"] = nodes
	case *TextNode:
		m["t"], m["text"] = "Text", string(n.Text)
	case *CommentNode:
		m["t"], m["text"] = "Comment", n.Text
	case *PipeNode:
		if n == nil {
			return nil
		}
		m["t"], m["line"], m["isAssign"] = "Pipe", n.Line, n.IsAssign
		var decl, cmds []any
		for _, d := range n.Decl {
			decl = append(decl, dumpNode(d))
		}
		for _, c := range n.Cmds {
			cmds = append(cmds, dumpNode(c))
		}
		m["decl"], m["cmds"] = decl, cmds
	case *ActionNode:
		m["t"], m["line"], m["pipe"] = "Action", n.Line, dumpNode(n.Pipe)
	case *CommandNode:
		m["t"] = "Command"
		var args []any
		for _, a := range n.Args {
			args = append(args, dumpNode(a))
		}
		m["args"] = args
	case *IdentifierNode:
		m["t"], m["ident"] = "Identifier", n.Ident
	case *VariableNode:
		m["t"], m["ident"] = "Variable", n.Ident
	case *DotNode:
		m["t"] = "Dot"
	case *NilNode:
		m["t"] = "Nil"
	case *FieldNode:
		m["t"], m["ident"] = "Field", n.Ident
	case *ChainNode:
		m["t"], m["node"], m["field"] = "Chain", dumpNode(n.Node), n.Field
	case *BoolNode:
		m["t"], m["value"] = "Bool", n.True
	case *NumberNode:
		m["t"], m["text"] = "Number", n.Text
		for k, v := range numberFields(n) {
			m[k] = v
		}
	case *StringNode:
		m["t"], m["quoted"], m["text"] = "String", n.Quoted, n.Text
	case *IfNode:
		branch(m, "If", &n.BranchNode)
	case *RangeNode:
		branch(m, "Range", &n.BranchNode)
	case *WithNode:
		branch(m, "With", &n.BranchNode)
	case *BreakNode:
		m["t"], m["line"] = "Break", n.Line
	case *ContinueNode:
		m["t"], m["line"] = "Continue", n.Line
	case *TemplateNode:
		m["t"], m["line"], m["name"] = "Template", n.Line, n.Name
		if n.Pipe != nil {
			m["pipe"] = dumpNode(n.Pipe)
		} else {
			m["pipe"] = nil
		}
	default:
		panic("unknown node")
	}
	return m
}

func branch(m map[string]any, t string, b *BranchNode) {
	m["t"], m["line"], m["pipe"], m["list"] = t, b.Line, dumpNode(b.Pipe), dumpNode(b.List)
	if b.ElseList != nil {
		m["elseList"] = dumpNode(b.ElseList)
	} else {
		m["elseList"] = nil
	}
}

func numberFields(n *NumberNode) map[string]any {
	return map[string]any{
		"isInt": n.IsInt, "isUint": n.IsUint, "isFloat": n.IsFloat, "isComplex": n.IsComplex,
		"int64": strconv.FormatInt(n.Int64, 10), "uint64": strconv.FormatUint(n.Uint64, 10),
		"float64": floatBits(n.Float64), "re": floatBits(real(n.Complex128)), "im": floatBits(imag(n.Complex128)),
	}
}

func runParse(c parseCase) parseResult {
	names := c.Funcs
	if names == nil {
		names = defaultFuncs
	}
	funcs := map[string]any{}
	for _, n := range names {
		funcs[n] = func() {}
	}
	treeSet := map[string]*Tree{}
	t := New(c.Name)
	if c.Comments {
		t.Mode = ParseComments
	}
	t.text = c.Input
	_, err := t.Parse(c.Input, c.Left, c.Right, treeSet, funcs)
	r := parseResult{parseCase: c}
	if err != nil {
		r.Error = err.Error()
		return r
	}
	r.Trees = map[string]map[string]any{}
	for name, tree := range treeSet {
		r.Trees[name] = map[string]any{"string": tree.Root.String(), "dump": dumpNode(tree.Root)}
	}
	return r
}

type lexResult struct {
	Name  string           `json:"name"`
	Input string           `json:"input"`
	Left  string           `json:"left,omitempty"`
	Right string           `json:"right,omitempty"`
	Items []map[string]any `json:"items"`
}

func runLex(name, input, left, right string) lexResult {
	l := lex(name, input, left, right)
	l.options = lexOptions{emitComment: true, breakOK: true, continueOK: true}
	r := lexResult{Name: name, Input: input, Left: left, Right: right}
	for {
		it := l.nextItem()
		r.Items = append(r.Items, map[string]any{"typ": int(it.typ), "pos": int(it.pos), "val": it.val, "line": it.line})
		if it.typ == itemEOF || it.typ == itemError {
			break
		}
	}
	return r
}

func writeJSON(t *testing.T, path string, v any) {
	b, err := json.MarshalIndent(v, "", " ")
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, append(b, '\n'), 0o644); err != nil {
		t.Fatal(err)
	}
}

func TestDump(t *testing.T) {
	var parses []parseResult
	for _, table := range [][]parseTest{parseTests, errorTests} {
		for _, pt := range table {
			parses = append(parses, runParse(parseCase{Name: pt.name, Input: pt.input, Funcs: []string{"printf", "contains"}}))
		}
	}
	var extra struct {
		Parse []parseCase `json:"parse"`
		Lex   []struct {
			Name, Input, Left, Right string
		} `json:"lex"`
		Numbers []string `json:"numbers"`
	}
	b, err := os.ReadFile("../fixtures/extra-inputs.json")
	if err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(b, &extra); err != nil {
		t.Fatal(err)
	}
	for _, c := range extra.Parse {
		parses = append(parses, runParse(c))
	}
	writeJSON(t, "../fixtures/go-parse.json", parses)

	var lexes []lexResult
	for _, lt := range lexTests {
		lexes = append(lexes, runLex(lt.name, lt.input, "", ""))
	}
	for _, lt := range lexDelimTests {
		lexes = append(lexes, runLex(lt.name, lt.input, "$$", "@@"))
	}
	for _, lt := range lexPosTests {
		lexes = append(lexes, runLex(lt.name, lt.input, "", ""))
	}
	lexes = append(lexes, runLex("alnum delims", "{{hub .host hub}}", "{{hub", "hub}}"))
	lexes = append(lexes, runLex("marker delims", "{{- .x -}} {{- - .x - -}}", "{{- ", " -}}"))
	for _, c := range extra.Lex {
		lexes = append(lexes, runLex(c.Name, c.Input, c.Left, c.Right))
	}
	writeJSON(t, "../fixtures/go-lex.json", lexes)

	var numbers []map[string]any
	texts := extra.Numbers
	for _, nt := range numberTests {
		texts = append(texts, nt.text)
	}
	for _, text := range texts {
		typ := itemNumber
		var c complex128
		if text[0] == '\'' {
			typ = itemCharConstant
		} else if _, err := fmt.Sscan(text, &c); err == nil {
			typ = itemComplex
		}
		// Classify the way the lexer would: a signed second part makes a complex token.
		l := lex("n", "{{"+text+"}}", "", "")
		l.nextItem()
		if it := l.nextItem(); it.typ == itemComplex || it.typ == itemNumber || it.typ == itemCharConstant {
			typ = it.typ
		}
		kind := map[itemType]string{itemNumber: "number", itemComplex: "complex", itemCharConstant: "char"}[typ]
		m := map[string]any{"text": text, "kind": kind}
		var tree *Tree
		n, err := tree.newNumber(0, text, typ)
		if err != nil {
			m["error"] = err.Error()
		} else {
			for k, v := range numberFields(n) {
				m[k] = v
			}
		}
		numbers = append(numbers, m)
	}
	writeJSON(t, "../fixtures/go-numbers.json", numbers)
}
