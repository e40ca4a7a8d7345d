"""No test reaches the network: pytest-socket (pyproject addopts) lets a socket connect only
to loopback or a unix socket, so a test that would call a real service fails loudly instead
of passing on a developer's machine and hanging in CI."""

import socket
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager

import pytest
from pytest_socket import SocketConnectBlockedError

# TEST-NET addresses (RFC 5737, RFC 3849): never routed, so a leak could not even succeed.
OUTSIDE = [("192.0.2.10", 80), ("198.51.100.7", 443), ("2001:db8::1", 443)]


@contextmanager
def blocked() -> Iterator[None]:
    """pytest-socket warns (an error under our filterwarnings) and then refuses."""
    with (
        pytest.warns(UserWarning, match="tried to use socket.socket.connect"),
        pytest.raises(SocketConnectBlockedError),
    ):
        yield


@pytest.mark.parametrize("address", OUTSIDE, ids=["ipv4-http", "ipv4-https", "ipv6"])
def test_a_connection_beyond_this_machine_fails(address):
    family = socket.AF_INET6 if ":" in address[0] else socket.AF_INET
    with socket.socket(family, socket.SOCK_STREAM) as sock, blocked():
        sock.settimeout(1)  # without the guard: a quick failure, not a hang
        sock.connect(address)


def test_an_http_request_to_the_outside_fails():
    with blocked():
        urllib.request.urlopen("http://192.0.2.10/", timeout=1)


@pytest.mark.parametrize("host", ["127.0.0.1", "localhost"])
def test_loopback_stays_open_for_the_suites_own_servers(host):
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as server:
        server.bind(("127.0.0.1", 0))
        server.listen(1)
        port = server.getsockname()[1]
        with socket.create_connection((host, port), timeout=2):
            accepted, _ = server.accept()
            accepted.close()


def test_unix_sockets_stay_open():
    left, right = socket.socketpair(socket.AF_UNIX)
    with left, right:
        left.sendall(b"ok")
        assert right.recv(2) == b"ok"
