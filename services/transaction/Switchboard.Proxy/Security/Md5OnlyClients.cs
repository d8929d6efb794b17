using System.Text;
using Switchboard.Sip;
using Switchboard.Sip.Headers;

namespace Switchboard.Proxy.Security;

/// <summary>
/// The manual's "SIP Clients Support" for 407s: clients that answer only the first challenge (SIPp 3.6, sipsak) or
/// give up on an unsupported one (baresip 1.0) get the MD5 challenge alone, as the registrar does for 401s.
/// </summary>
public sealed class Md5OnlyClients
{
    private readonly IList<string> _userAgentPrefixes;

    public Md5OnlyClients(IList<string> userAgentPrefixes)
    {
        ArgumentNullException.ThrowIfNull(userAgentPrefixes);
        _userAgentPrefixes = userAgentPrefixes;
    }

    /// <summary>The challenge values to send to the sender of <paramref name="request"/>.</summary>
    public IReadOnlyList<string> Filter(SipMessage request, IReadOnlyList<string> values)
    {
        if (values.Count < 2 || !WantsMd5Only(request))
        {
            return values;
        }

        string[] md5 = values.Where(IsMd5).ToArray();
        return md5.Length > 0 ? md5 : values;
    }

    private static bool IsMd5(string value) =>
        value.Contains("algorithm=MD5,", StringComparison.OrdinalIgnoreCase) || value.EndsWith("algorithm=MD5", StringComparison.OrdinalIgnoreCase);

    /// <summary>True when the sender of <paramref name="request"/> is one of the clients that get the MD5 challenge alone.</summary>
    public bool WantsMd5Only(SipMessage request)
    {
        if (_userAgentPrefixes.Count == 0 || !request.TryGetFirst(HeaderKind.UserAgent, out SipHeader header))
        {
            return false;
        }

        ReadOnlySpan<byte> agent = request.GetValue(header);
        foreach (string prefix in _userAgentPrefixes)
        {
            if (agent.Length >= prefix.Length && Ascii.EqualsIgnoreCase(agent[..prefix.Length], prefix))
            {
                return true;
            }
        }

        return false;
    }
}
