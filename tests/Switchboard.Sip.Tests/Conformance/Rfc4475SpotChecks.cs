using System.Text;
using Switchboard.Sip.Headers;

namespace Switchboard.Sip.Tests.Conformance;

/// <summary>Field values the RFC 4475 text names, per message.</summary>
internal static class Rfc4475SpotChecks
{
    public static readonly IReadOnlyDictionary<string, Action<SipMessage>> All = new Dictionary<string, Action<SipMessage>>
    {
        ["wsinv"] = m =>
        {
            Assert.True(m.TryGetMaxForwards(out var mf));
            Assert.Equal(68, mf);
            Assert.True(m.TryGetCSeq(out var cseq));
            Assert.Equal(9u, cseq.Number);
            Assert.Equal(SipMethod.Invite, cseq.Method);
            Assert.True(m.TryGetTo(out var to));
            Assert.Equal("sip:vivekg@chair-dnrc.example.com", Str(m, to.Uri));
            Assert.Equal("1918181833n", Str(m, to.GetTag(m.Span)));
            Assert.True(m.TryGetFrom(out var from));
            Assert.Equal("\"J Rosenberg \\\\\\\"\"", Str(m, from.DisplayName));
            Assert.Equal("98asjd8", Str(m, from.GetTag(m.Span)));
            Assert.Equal(3, m.Count(HeaderKind.Via));
            var vias = Vias(m);
            Assert.Equal("UDP", Str(m, vias[0].Transport));
            Assert.Equal("192.0.2.2", Str(m, vias[0].Host));
            Assert.Equal("390skdjuw", Str(m, vias[0].Branch));
            Assert.Equal("TCP", Str(m, vias[1].Transport));
            Assert.Equal("z9hG4bK9ikj8", Str(m, vias[1].Branch));
            Assert.Equal("z9hG4bK30239", Str(m, vias[2].Branch));
            Assert.True(m.TryGetFirst(HeaderKind.Subject, out var subject));
            Assert.True(subject.Value.IsEmpty);
            Assert.True(m.TryGetHeader("UnknownHeaderWithUnusualValue"u8, out var unusual));
            Assert.Equal(";;,,;;,;", Str(m, unusual.Value));
            Assert.True(m.TryGetHeader("NewFangledHeader"u8, out var fangled));
            Assert.Equal("newfangled value\r\n continued newfangled value", Str(m, fangled.Value));
            var contact = FirstContact(m);
            Assert.Equal(330, contact.Q);
            Assert.True(contact.Address.TryGetParameter(m.Span, "newparam"u8, out var np));
            Assert.Equal("newvalue", Str(m, np));
            Assert.Equal(150, m.Body.Length);
        },
        ["intmeth"] = m =>
        {
            Assert.Equal(SipMethod.Unknown, m.Method);
            Assert.Equal("!interesting-Method0123456789_*+`.%indeed'~", Str(m, m.MethodRange));
            Assert.True(m.TryGetTo(out var to));
            var display = m.GetSpan(to.DisplayName);
            Assert.Contains((byte)0, display.ToArray());
            Span<byte> unquoted = stackalloc byte[64];
            var n = SipQuotedString.Unquote(display, unquoted);
            Assert.Equal("BEL:\a NUL:\0 DEL:\x7f", Encoding.ASCII.GetString(unquoted[..n]));
            Assert.True(m.TryGetFrom(out var from));
            Assert.Equal("token1~` token2'+_ token3*%!.-", Str(m, from.DisplayName));
            Assert.True(m.TryGetCSeq(out var cseq) && cseq.Method == SipMethod.Unknown);
        },
        ["esc01"] = m =>
        {
            Assert.Equal("sip:sips%3Auser%40example.com@example.net", Str(m, m.RequestUri));
            var c = FirstContact(m);
            Assert.Equal("sip:cal%6Cer@host5.example.net;%6C%72;n%61me=v%61lue%25%34%31", Str(m, c.Address.Uri));
        },
        ["escnull"] = m =>
        {
            Assert.Equal(2, m.Count(HeaderKind.Contact));
            Assert.True(m.TryGetTo(out var to));
            Assert.Equal("sip:null-%00-null@example.com", Str(m, to.Uri));
        },
        ["esc02"] = m =>
        {
            Assert.Equal(SipMethod.Unknown, m.Method);
            Assert.Equal(2, m.Count(HeaderKind.Contact));
            Assert.True(m.TryGetHeader("C%6Fntact"u8, out var unknown) && unknown.Kind == HeaderKind.Unknown);
            Assert.True(m.TryGetFrom(out var from));
            Assert.Equal("\"%Z%45\"", Str(m, from.DisplayName));
        },
        ["lwsdisp"] = m =>
        {
            Assert.True(m.TryGetFrom(out var from));
            Assert.Equal("caller", Str(m, from.DisplayName));
            Assert.Equal("sip:caller@example.com", Str(m, from.Uri));
        },
        ["longreq"] = m =>
        {
            Assert.Equal(3515, m.Buffer.Length);
            Assert.True(m.Count(HeaderKind.Via) > 10);
            Assert.All(Vias(m), v => Assert.True(v.Host.Length > 0));
            Assert.True(m.TryGetTo(out var to));
            Assert.StartsWith("\"I have a user name of extreme", Str(m, to.DisplayName));
        },
        ["dblreq"] = m =>
        {
            Assert.Equal(SipMethod.Register, m.Method);
            Assert.Equal(0, m.Body.Length);
            Assert.EndsWith("Content-Length: 0\r\n\r\n", Encoding.ASCII.GetString(m.Span));
            Assert.True(m.TryGetCallId(out var callId));
            Assert.Equal("dblreq.0ha0isndaksdj99sdfafnl3lk233412", Str(m, callId));
        },
        ["semiuri"] = m => Assert.Equal("sip:user;par=u%40example.net@example.com", Str(m, m.RequestUri)),
        ["transports"] = m => Assert.Equal(["UDP", "SCTP", "TLS", "UNKNOWN", "TCP"], Vias(m).Select(v => Str(m, v.Transport))),
        ["mpart01"] = m =>
        {
            Assert.Equal(SipMethod.Message, m.Method);
            Assert.Equal(553, m.Body.Length);
            Assert.Contains((byte)0, m.GetSpan(m.Body).ToArray());
            Assert.True(m.TryGetTokenValue(HeaderKind.ContentType, out var ct));
            Assert.Equal("multipart/mixed", Str(m, ct.Token));
            Assert.True(m.TryGetVia(out var via) && via.HasRport && via.Rport == -1);
        },
        ["unreason"] = m =>
        {
            Assert.Equal(200, m.StatusCode);
            Assert.Equal("= 2**3 * 5**2 но сто девяносто девять - простое", Str(m, m.ReasonPhrase));
        },
        ["noreason"] = m =>
        {
            Assert.Equal(100, m.StatusCode);
            Assert.True(m.ReasonPhrase.IsPresent && m.ReasonPhrase.IsEmpty);
        },
        ["inv2543"] = m =>
        {
            Assert.False(m.HasContentLength);
            Assert.True(m.Body.Length > 0);
            Assert.Equal(m.Buffer.Length, m.Body.End);
            Assert.True(m.TryGetVia(out var via) && !via.Branch.IsPresent);
            Assert.True(m.TryGetFrom(out var from) && !from.GetTag(m.Span).IsPresent);
        },
        ["cparam01"] = m =>
        {
            var c = FirstContact(m);
            Assert.False(c.Address.IsNameAddr);
            Assert.Equal("sip:+19725552222@gw1.example.net", Str(m, c.Address.Uri));
            Assert.True(c.Address.TryGetParameter(m.Span, "unknownparam"u8, out _));
        },
        ["cparam02"] = m =>
        {
            var c = FirstContact(m);
            Assert.True(c.Address.IsNameAddr);
            Assert.Equal("sip:+19725552222@gw1.example.net;unknownparam", Str(m, c.Address.Uri));
            Assert.False(c.Address.TryGetParameter(m.Span, "unknownparam"u8, out _));
        },
        ["regescrt"] = m =>
        {
            var c = FirstContact(m);
            Assert.EndsWith("?Route=%3Csip:sip.example.com%3E", Str(m, c.Address.Uri));
        },
        ["bcast"] = m => Assert.Equal("255.255.255.255", Str(m, Vias(m)[1].Host)),
        ["badbranch"] = m => Assert.True(m.TryGetVia(out var v) && Str(m, v.Branch) == "z9hG4bK"),
        ["unksm2"] = m =>
        {
            Assert.True(m.TryGetTo(out var to));
            Assert.Equal("isbn", Encoding.ASCII.GetString(to.GetScheme(m.Span)));
        },
        ["bext01"] = m =>
        {
            Span<SipRange> tags = stackalloc SipRange[4];
            var proxy = new Switchboard.Sip.Validation.SipMessageValidator(new() { Role = Switchboard.Sip.Validation.SipElementRole.Proxy });
            var n = proxy.GetUnsupportedTags(m, tags);
            Assert.Equal(["noProxiesSupportThis", "norDoAnyProxiesSupportThis"], tags[..n].ToArray().Select(t => Str(m, t)));
            var uas = new Switchboard.Sip.Validation.SipMessageValidator(new() { Role = Switchboard.Sip.Validation.SipElementRole.UserAgentServer });
            n = uas.GetUnsupportedTags(m, tags);
            Assert.Equal(["nothingSupportsThis", "nothingSupportsThisEither"], tags[..n].ToArray().Select(t => Str(m, t)));
        },
        ["multi01"] = m =>
        {
            Assert.Equal(2, m.Count(HeaderKind.CSeq));
            Assert.Equal(2, m.Count(HeaderKind.CallId));
        },
        ["regaut01"] = m =>
        {
            Assert.True(m.TryGetFirst(HeaderKind.Authorization, out var h));
            Assert.True(m.TryGetAuth(h, out var auth));
            Assert.Equal("NoOneKnowsThisScheme", Str(m, auth.Scheme));
            Assert.True(auth.TryGetParameter(m.Span, "opaque-data"u8, out var v));
            Assert.Equal("here", Str(m, v));
        },
        ["scalar02"] = m => Assert.False(m.TryGetCSeq(out _)),
        ["badvers"] = m => Assert.False(m.IsSip20),
    };

    private static SipContact FirstContact(SipMessage m)
    {
        Assert.True(m.TryGetFirst(HeaderKind.Contact, out var h));
        Assert.True(m.TryGetContact(h, out var contact), $"Contact '{m.GetString(h.Value)}'");
        return contact;
    }

    private static string Str(SipMessage m, SipRange r) => m.GetString(r) ?? "<absent>";

    private static List<SipVia> Vias(SipMessage m)
    {
        var list = new List<SipVia>();
        foreach (var h in m.GetHeaders(HeaderKind.Via))
        {
            Assert.True(m.TryGetVia(h, out var via), $"Via '{m.GetString(h.Value)}'");
            list.Add(via);
        }

        return list;
    }
}
