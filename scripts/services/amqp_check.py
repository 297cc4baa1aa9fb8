#!/usr/bin/env python3
"""Minimal AMQP 0-9-1 client (stdlib only) for rabbitmq.sh's readiness check.

    amqp_check.py HOST PORT USER PASSWORD [VHOST]

Does the real handshake: protocol header, Start/Start-Ok (PLAIN login),
Tune/Tune-Ok, Open on the vhost (checks the user may use it), then a clean Close.
Exit 0 on Open-Ok, 1 otherwise (the reason goes to stderr).
"""
import socket
import struct
import sys


def shortstr(s: bytes) -> bytes:
    return struct.pack("B", len(s)) + s


def longstr(s: bytes) -> bytes:
    return struct.pack(">I", len(s)) + s


def table(fields: bytes) -> bytes:
    return struct.pack(">I", len(fields)) + fields


# capabilities.authentication_failure_close: a bad login gets Connection.Close 403
# (ACCESS_REFUSED) instead of a bare socket close.
CLIENT_PROPERTIES = table(
    shortstr(b"capabilities") + b"F" + table(shortstr(b"authentication_failure_close") + b"t\x01")
)


def recv_exact(sock: socket.socket, n: int) -> bytes:
    buf = b""
    while len(buf) < n:
        chunk = sock.recv(n - len(buf))
        if not chunk:
            raise ConnectionError("connection closed by the server")
        buf += chunk
    return buf


def read_method(sock: socket.socket):
    """Next method frame as (class_id, method_id, args); skips heartbeats."""
    while True:
        ftype, _channel, size = struct.unpack(">BHI", recv_exact(sock, 7))
        payload = recv_exact(sock, size)
        if recv_exact(sock, 1) != b"\xce":
            raise ValueError("bad frame end")
        if ftype == 1:
            class_id, method_id = struct.unpack(">HH", payload[:4])
            return class_id, method_id, payload[4:]


def send_method(sock: socket.socket, class_id: int, method_id: int, args: bytes) -> None:
    payload = struct.pack(">HH", class_id, method_id) + args
    sock.sendall(struct.pack(">BHI", 1, 0, len(payload)) + payload + b"\xce")


def expect(sock: socket.socket, class_id: int, method_id: int, what: str) -> bytes:
    c, m, args = read_method(sock)
    if (c, m) == (10, 50):  # Connection.Close from the server: refused
        code = struct.unpack(">H", args[:2])[0]
        text = args[3 : 3 + args[2]].decode(errors="replace")
        raise PermissionError(f"server closed the connection while waiting for {what}: {code} {text}")
    if (c, m) != (class_id, method_id):
        raise ValueError(f"expected {what} ({class_id}.{method_id}), got {c}.{m}")
    return args


def main() -> int:
    host, port, user, password = sys.argv[1], int(sys.argv[2]), sys.argv[3], sys.argv[4]
    vhost = sys.argv[5] if len(sys.argv) > 5 else "/"
    try:
        with socket.create_connection((host, port), timeout=5) as sock:
            sock.settimeout(5)
            sock.sendall(b"AMQP\x00\x00\x09\x01")
            expect(sock, 10, 10, "Connection.Start")
            response = b"\x00" + user.encode() + b"\x00" + password.encode()
            send_method(sock, 10, 11, CLIENT_PROPERTIES + shortstr(b"PLAIN") + longstr(response) + shortstr(b"en_US"))
            tune = expect(sock, 10, 30, "Connection.Tune")
            channel_max, frame_max, _heartbeat = struct.unpack(">HIH", tune[:8])
            send_method(sock, 10, 31, struct.pack(">HIH", channel_max, frame_max, 0))
            send_method(sock, 10, 40, shortstr(vhost.encode()) + shortstr(b"") + b"\x00")
            expect(sock, 10, 41, "Connection.Open-Ok")
            send_method(sock, 10, 50, struct.pack(">H", 200) + shortstr(b"bye") + struct.pack(">HH", 0, 0))
            try:
                expect(sock, 10, 51, "Connection.Close-Ok")
            except Exception:
                pass
    except Exception as exc:  # noqa: BLE001 - any failure means "not ready"
        print(f"amqp_check: {type(exc).__name__}: {exc}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
