package main

import (
	"bufio"
	"bytes"
	"encoding/json"
	"io"
	"time"
)

// batchReply is one output line of `batch`: the expectation, or why the case
// could not be filled.
type batchReply struct {
	Want       *string `json:"want,omitempty"`
	WantError  *string `json:"wantError,omitempty"`
	Unfillable *string `json:"unfillable,omitempty"`
}

// batch reads one case JSON per line and writes one reply line per case,
// flushed at once so a driver can stream cases through one process.
func batch(in io.Reader, out io.Writer, timeout time.Duration) error {
	r := bufio.NewReaderSize(in, 1<<16)
	w := bufio.NewWriter(out)
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	for {
		line, readErr := r.ReadBytes('\n')
		if len(bytes.TrimSpace(line)) > 0 {
			var reply batchReply
			res, err := runCase(line, timeout)
			if err != nil {
				msg := err.Error()
				reply.Unfillable = &msg
			} else {
				reply.Want, reply.WantError = res.Want, res.WantError
			}
			if err := enc.Encode(reply); err != nil {
				return err
			}
			if err := w.Flush(); err != nil {
				return err
			}
		}
		if readErr == io.EOF {
			return nil
		}
		if readErr != nil {
			return readErr
		}
	}
}
