"""A deliberately naive RFC 6455 client over a raw socket, for sending frames that a
correct server must refuse. Nothing here validates what it sends."""
import base64
import os
import socket
import struct


class RawWebSocket:
    def __init__(self, host, port, path="/ws", protocol=None, timeout=5.0):
        self.sock = socket.create_connection((host, port), timeout=timeout)
        key = base64.b64encode(os.urandom(16)).decode()
        lines = [
            f"GET {path} HTTP/1.1",
            f"Host: {host}:{port}",
            "Upgrade: websocket",
            "Connection: Upgrade",
            f"Sec-WebSocket-Key: {key}",
            "Sec-WebSocket-Version: 13",
        ]
        if protocol:
            lines.append(f"Sec-WebSocket-Protocol: {protocol}")
        self.sock.sendall(("\r\n".join(lines) + "\r\n\r\n").encode())
        head = b""
        while b"\r\n\r\n" not in head:
            chunk = self.sock.recv(4096)
            if not chunk:
                raise ConnectionError("closed during handshake")
            head += chunk
        status, _, rest = head.partition(b"\r\n\r\n")
        if b" 101 " not in status.split(b"\r\n")[0]:
            raise ConnectionError(status.decode(errors="replace"))
        self.buffer = rest

    def send_frame(self, opcode, payload=b"", fin=True, rsv=0, mask=True, length_override=None):
        first = (0x80 if fin else 0) | (rsv << 4) | opcode
        n = len(payload) if length_override is None else length_override
        if n < 126:
            header = struct.pack("!BB", first, (0x80 if mask else 0) | n)
        elif n < 65536:
            header = struct.pack("!BBH", first, (0x80 if mask else 0) | 126, n)
        else:
            header = struct.pack("!BBQ", first, (0x80 if mask else 0) | 127, n)
        if mask:
            key = os.urandom(4)
            body = bytes(b ^ key[i % 4] for i, b in enumerate(payload))
            self.sock.sendall(header + key + body)
        else:
            self.sock.sendall(header + payload)

    def send_text(self, text):
        self.send_frame(0x1, text.encode() if isinstance(text, str) else text)

    def _read(self, n):
        while len(self.buffer) < n:
            chunk = self.sock.recv(65536)
            if not chunk:
                raise ConnectionError("closed")
            self.buffer += chunk
        out, self.buffer = self.buffer[:n], self.buffer[n:]
        return out

    def recv_frame(self):
        """Returns (opcode, payload); raises ConnectionError on TCP close."""
        b0, b1 = self._read(2)
        n = b1 & 0x7F
        if n == 126:
            (n,) = struct.unpack("!H", self._read(2))
        elif n == 127:
            (n,) = struct.unpack("!Q", self._read(8))
        if b1 & 0x80:
            key = self._read(4)
            data = bytes(b ^ key[i % 4] for i, b in enumerate(self._read(n)))
        else:
            data = self._read(n)
        return b0 & 0x0F, data

    def close_code(self):
        """Reads until a close frame; returns its code (1005 if none given), or None when the
        TCP connection ended without a close frame."""
        try:
            while True:
                opcode, data = self.recv_frame()
                if opcode == 0x8:
                    return struct.unpack("!H", data[:2])[0] if len(data) >= 2 else 1005
        except (ConnectionError, socket.timeout, OSError):
            return None

    def close(self):
        try:
            self.sock.close()
        except OSError:
            pass
