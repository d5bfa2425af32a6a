"""Which IP addresses a feed may be fetched from: public ones only.

An admin's feed URL must not become a way to probe the host's own network (loopback services, the
cloud metadata service at 169.254.169.254, the LAN). This is the rule; `bot.feeds.fetch` applies it
to the address of every connection as it is made. Plain data in, a reason out; no I/O.
"""

from __future__ import annotations

import ipaddress

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address

_SHARED = ipaddress.IPv4Network("100.64.0.0/10")  # carrier-grade NAT (RFC 6598): inside a provider's network
_NAT64 = ipaddress.IPv6Network("64:ff9b::/96")  # the well-known NAT64 prefix: an IPv4 address inside


def _embedded_ipv4(address: ipaddress.IPv6Address) -> ipaddress.IPv4Address | None:
    """The IPv4 address an IPv6 address stands for, where it stands for one (the connection ends there)."""
    if address.ipv4_mapped is not None:
        return address.ipv4_mapped
    if address in _NAT64:
        return ipaddress.IPv4Address(int(address) & 0xFFFFFFFF)
    if address.sixtofour is not None:
        return address.sixtofour
    if address.teredo is not None:
        return address.teredo[1]
    return None


def refusal_reason(address: str | IPAddress) -> str | None:
    """Why the bot must not connect to `address` ("a loopback address" …), or None for a public one.

    IPv4 and IPv6; an IPv6 address that carries an IPv4 one (v4-mapped, NAT64, 6to4, Teredo) is judged
    by the IPv4 address too. Anything that does not parse as an address is refused.
    """
    try:
        ip = ipaddress.ip_address(address.split("%", 1)[0] if isinstance(address, str) else address)
    except ValueError:
        return "not an IP address"
    if isinstance(ip, ipaddress.IPv6Address) and (inner := _embedded_ipv4(ip)) is not None:
        reason = refusal_reason(inner)
        if reason is not None or ip.ipv4_mapped is not None:
            return reason
    if ip.is_unspecified:
        return "the unspecified address"
    if ip.is_loopback:
        return "a loopback address"
    if ip.is_link_local:
        return "a link-local address"
    if ip.is_multicast:
        return "a multicast address"
    if isinstance(ip, ipaddress.IPv4Address) and ip in _SHARED:
        return "a shared (carrier-grade NAT) address"
    if ip.is_private:
        return "a private network address"
    if ip.is_reserved:
        return "a reserved address"
    if not ip.is_global:
        return "not a globally routable address"
    return None
