using System.Buffers;
using System.Text;
using Switchboard.Sip;
using Switchboard.Sip.Writing;

namespace Switchboard.Proxy.Forwarding;

/// <summary>
/// RFC 3261 §16.7 step 9: a response goes upstream with our Via removed (and, for an aggregated 401/407, the
/// challenges of the other branches added: step 7). Edits over the received bytes, no re-serialisation.
/// </summary>
public static class ResponseForwarder
{
    public static byte[] Forward(SipMessage response, IReadOnlyList<KeyValuePair<string, string>>? extraHeaders = null)
    {
        ArgumentNullException.ThrowIfNull(response);
        using var editor = new SipMessageEditor();
        editor.Reset(response);
        editor.PopVia();
        if (extraHeaders is not null)
        {
            foreach (var (name, value) in extraHeaders)
            {
                editor.AddHeader(Encoding.ASCII.GetBytes(name), Encoding.UTF8.GetBytes(value));
            }
        }

        var output = new ArrayBufferWriter<byte>(editor.Length);
        editor.WriteTo(output);
        return output.WrittenSpan.ToArray();
    }
}
