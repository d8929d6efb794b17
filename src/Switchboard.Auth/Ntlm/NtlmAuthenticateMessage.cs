using System.Buffers.Binary;
using System.Diagnostics.CodeAnalysis;
using System.Text;

namespace Switchboard.Auth.Ntlm;

/// <summary>The client's AUTHENTICATE_MESSAGE (MS-NLMP §2.2.1.3), every payload field bounds-checked.</summary>
public sealed record NtlmAuthenticateMessage(
    NtlmFlags Flags,
    byte[] LmChallengeResponse,
    byte[] NtChallengeResponse,
    string Domain,
    string User,
    string Workstation,
    byte[] EncryptedRandomSessionKey)
{
    private const int MinimumLength = 64;

    public static bool TryParse(ReadOnlySpan<byte> message, [NotNullWhen(true)] out NtlmAuthenticateMessage? authenticate)
    {
        authenticate = null;
        if (NtlmMessage.TypeOf(message) != NtlmMessageType.Authenticate || message.Length < MinimumLength)
        {
            return false;
        }

        if (!NtlmMessage.TryReadField(message, 12, out var lm) || !NtlmMessage.TryReadField(message, 20, out var nt)
            || !NtlmMessage.TryReadField(message, 28, out var domain) || !NtlmMessage.TryReadField(message, 36, out var user)
            || !NtlmMessage.TryReadField(message, 44, out var workstation) || !NtlmMessage.TryReadField(message, 52, out var key))
        {
            return false;
        }

        var flags = (NtlmFlags)BinaryPrimitives.ReadUInt32LittleEndian(message[60..]);
        var text = flags.HasFlag(NtlmFlags.Unicode) ? Encoding.Unicode : Encoding.Latin1;
        authenticate = new NtlmAuthenticateMessage(
            flags,
            message[lm].ToArray(),
            message[nt].ToArray(),
            text.GetString(message[domain]),
            text.GetString(message[user]),
            text.GetString(message[workstation]),
            message[key].ToArray());
        return true;
    }
}
