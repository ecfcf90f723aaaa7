package lsp

import (
	"bufio"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/textproto"
	"strconv"
	"sync"

	"go.lsp.dev/jsonrpc2"
)

// stream is the LSP base protocol (Content-Length framed JSON-RPC) over a
// byte stream. Unlike jsonrpc2.NewStream, whose first malformed message
// ends the connection, it passes a frame that is no JSON-RPC message, or
// is larger than maxMessage, to bad and reads on; after a malformed
// header it reads on to the next header. Only an I/O error ends it.
type stream struct {
	// bad, when set, is told of each message skipped, with the error
	// code that answers it.
	bad func(code jsonrpc2.Code, err error)

	in         *textproto.Reader
	body       *bufio.Reader
	out        jsonrpc2.Stream
	w          io.Writer
	maxMessage int
	// writeMu keeps the error responses Read writes from interleaving
	// with the connection's own writes.
	writeMu sync.Mutex
}

func newStream(rwc io.ReadWriteCloser, maxMessage int) *stream {
	body := bufio.NewReader(rwc)
	return &stream{in: textproto.NewReader(body), body: body, out: jsonrpc2.NewStream(rwc), w: rwc, maxMessage: maxMessage}
}

func (s *stream) Read(ctx context.Context) (jsonrpc2.Message, int64, error) {
	for {
		if err := ctx.Err(); err != nil {
			return nil, 0, err
		}
		hdr, err := s.in.ReadMIMEHeader()
		var malformed textproto.ProtocolError
		if errors.As(err, &malformed) {
			// The bad line is read: look for the next header there.
			s.skip(jsonrpc2.ParseError, fmt.Errorf("malformed message header: %w", err))
			continue
		}
		if err != nil {
			return nil, 0, fmt.Errorf("reading message header: %w", err)
		}
		if len(hdr) == 0 {
			// A stray blank line, such as one after a malformed header.
			continue
		}
		n, err := strconv.Atoi(hdr.Get("Content-Length"))
		if err != nil || n < 0 {
			s.skip(jsonrpc2.ParseError, fmt.Errorf("message header without a valid Content-Length: %q", hdr.Get("Content-Length")))
			continue
		}
		if n > s.maxMessage {
			if _, err := s.body.Discard(n); err != nil {
				return nil, 0, fmt.Errorf("skipping an oversized message: %w", err)
			}
			s.skip(jsonrpc2.InvalidRequest, fmt.Errorf("message of %d bytes is over the limit of %d", n, s.maxMessage))
			continue
		}
		data := make([]byte, n)
		if _, err := io.ReadFull(s.body, data); err != nil {
			return nil, 0, fmt.Errorf("reading message body: %w", err)
		}
		msg, err := jsonrpc2.DecodeMessage(data)
		if err != nil {
			code := jsonrpc2.ParseError
			if errors.Is(err, jsonrpc2.ErrInvalidRequest) {
				code = jsonrpc2.InvalidRequest
			}
			s.skip(code, err)
			continue
		}
		return msg, int64(n), nil
	}
}

func (s *stream) skip(code jsonrpc2.Code, err error) {
	if s.bad != nil {
		s.bad(code, err)
	}
}

// writeError answers a message that has no usable ID, which JSON-RPC
// answers with a null ID. A write error is left for the connection's next
// write to meet.
func (s *stream) writeError(code jsonrpc2.Code, message string) {
	data, err := json.Marshal(struct {
		JSONRPC string          `json:"jsonrpc"`
		ID      *int            `json:"id"`
		Error   *jsonrpc2.Error `json:"error"`
	}{"2.0", nil, jsonrpc2.NewError(code, message)})
	if err != nil {
		return
	}
	s.writeMu.Lock()
	defer s.writeMu.Unlock()
	_, _ = fmt.Fprintf(s.w, "Content-Length: %d\r\n\r\n%s", len(data), data)
}

func (s *stream) Write(ctx context.Context, msg jsonrpc2.Message) (int64, error) {
	s.writeMu.Lock()
	defer s.writeMu.Unlock()
	return s.out.Write(ctx, msg)
}

func (s *stream) Close() error { return s.out.Close() }
