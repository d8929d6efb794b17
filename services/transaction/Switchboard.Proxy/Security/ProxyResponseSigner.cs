using System.Buffers;
using System.Text;
using Switchboard.Auth;
using Switchboard.Auth.Ntlm;
using Switchboard.Sip;
using Switchboard.Sip.Parsing;
using Switchboard.Sip.Writing;

namespace Switchboard.Proxy.Security;

/// <summary>
/// Signs every response that goes to a client whose request was NTLM-authenticated (MS-SIPAE §3.3.5.3: a proxy adds
/// <c>Proxy-Authentication-Info: NTLM rspauth, srand, snum, opaque, qop, targetname, realm</c>). The signature covers
/// the response as the client receives it (after our Via is popped), so it is computed over the final bytes.
/// </summary>
public sealed class ProxyResponseSigner
{
    private static readonly byte[] HeaderName = Encoding.ASCII.GetBytes(AuthRoleHeaders.InfoHeader(AuthRole.Proxy));
    private readonly NtlmSecurityContext _security;
    private readonly SipParser _parser;

    public ProxyResponseSigner(NtlmSecurityContext security, SipParser parser)
    {
        ArgumentNullException.ThrowIfNull(security);
        ArgumentNullException.ThrowIfNull(parser);
        _security = security;
        _parser = parser;
    }

    /// <summary>The security association whose server keys sign.</summary>
    public NtlmSecurityContext Security => _security;

    /// <summary><paramref name="response"/> with the Proxy-Authentication-Info line added; unchanged when it cannot be read.</summary>
    public byte[] Sign(byte[] response)
    {
        ArgumentNullException.ThrowIfNull(response);
        var message = new SipMessage();
        if (!_parser.TryParseFramed(response, message, out _) || !message.IsResponse)
        {
            return response; // we built these bytes ourselves; an unreadable one is sent as it is, not dropped
        }

        string value = _security.SignResponse(SipMessageSignatureFields.Read(message));
        using var editor = new SipMessageEditor();
        editor.Reset(message);
        editor.AddHeader(HeaderName, Encoding.UTF8.GetBytes(value));
        var output = new ArrayBufferWriter<byte>(editor.Length);
        editor.WriteTo(output);
        return output.WrittenSpan.ToArray();
    }
}
