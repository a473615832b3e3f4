//go:build unix

package storage

import (
	"net"
	"syscall"
)

// closedByPeer looks at c's socket without waiting: a connection idle in
// the pool has nothing to read unless the server has closed it (or is
// closing it, with a last message first), so anything there, or the end
// of the stream, or an error, means the connection is done.
func closedByPeer(c net.Conn) bool {
	sc, ok := c.(syscall.Conn)
	if !ok {
		return false
	}
	rc, err := sc.SyscallConn()
	if err != nil {
		return false
	}
	closed := false
	var b [1]byte
	err = rc.Read(func(fd uintptr) bool {
		n, _, err := syscall.Recvfrom(int(fd), b[:], syscall.MSG_PEEK|syscall.MSG_DONTWAIT)
		closed = n > 0 || (n == 0 && err == nil) || (err != nil && err != syscall.EAGAIN && err != syscall.EWOULDBLOCK && err != syscall.EINTR)
		return true
	})
	return closed || err != nil
}
