using System.Buffers.Binary;
using System.Diagnostics.CodeAnalysis;

namespace Switchboard.Auth.Ntlm;

/// <summary>The client's first message (MS-NLMP §2.2.1.1); only its flags matter to the server.</summary>
public sealed record NtlmNegotiateMessage(NtlmFlags Flags)
{
    public static bool TryParse(ReadOnlySpan<byte> message, [NotNullWhen(true)] out NtlmNegotiateMessage? negotiate)
    {
        negotiate = null;
        if (NtlmMessage.TypeOf(message) != NtlmMessageType.Negotiate || message.Length < 16)
        {
            return false;
        }

        negotiate = new NtlmNegotiateMessage((NtlmFlags)BinaryPrimitives.ReadUInt32LittleEndian(message[12..]));
        return true;
    }
}
