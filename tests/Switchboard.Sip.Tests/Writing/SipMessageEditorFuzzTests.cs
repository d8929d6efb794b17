using System.Buffers;
using Switchboard.Sip.Parsing;
using Switchboard.Sip.Writing;
using Xunit;
using static Switchboard.Sip.Tests.Writing.ParsedMessages;

namespace Switchboard.Sip.Tests.Writing;

/// <summary>Seeded random sequences of editor operations: every accepted combination writes a message that parses.</summary>
public class SipMessageEditorFuzzTests
{
    [Fact]
    public void Random_edit_sequences_always_produce_a_parsable_message()
    {
        var random = new Random(16);
        var parser = new SipParser();
        var editor = new SipMessageEditor();
        var reparsed = new SipMessage();
        var output = new ArrayBufferWriter<byte>();
        SipMessage message = Parse(Invite.Replace("Contact: <sip:alice@pc33.atlanta.com>", "Supported: a, b,\n c\nContact: <sip:alice@pc33.atlanta.com>"));
        int conflicts = 0;
        for (int round = 0; round < 2_000; round++)
        {
            editor.Reset(message);
            int operations = 1 + random.Next(8);
            for (int i = 0; i < operations; i++)
            {
                try
                {
                    Apply(editor, random.Next(11), random);
                }
                catch (InvalidOperationException)
                {
                    conflicts++; // overlapping edits are refused, the list stays consistent
                }
            }

            output.ResetWrittenCount();
            editor.WriteTo(output);
            Assert.Equal(editor.Length, output.WrittenCount);
            Assert.True(parser.TryParseDatagram(output.WrittenMemory, reparsed, out SipParseError error), error + "\n" + System.Text.Encoding.UTF8.GetString(output.WrittenSpan));
            if (reparsed.TryGetUInt32(HeaderKind.ContentLength, out uint length))
            {
                Assert.Equal(reparsed.Body.Length, (int)length);
            }
        }

        Assert.True(conflicts > 0);
    }

    private static void Apply(SipMessageEditor editor, int operation, Random random)
    {
        switch (operation)
        {
            case 0: editor.PushVia("SIP/2.0/UDP p.example.com;branch=z9hG4bKx"u8); break;
            case 1: editor.PopVia(); break;
            case 2: editor.PopRoute(); break;
            case 3: editor.PrependRoute("<sip:r.example.com;lr>"u8); break;
            case 4: editor.AddRecordRoute("<sip:rr.example.com;lr>"u8); break;
            case 5: editor.DecrementMaxForwards(out _); break;
            case 6: editor.ReplaceRequestUri("sip:bob@192.0.2.4"u8); break;
            case 7: editor.AddHeader("X-Trace"u8, "1"u8); break;
            case 8: editor.RemoveHeaders(random.Next(2) == 0 ? HeaderKind.Supported : HeaderKind.Contact); break;
            case 9: editor.RemoveValue(random.Next(editor.Message.HeaderCount)); break;
            default: editor.ReplaceBody(random.Next(2) == 0 ? "x=1\r\n"u8 : default); break;
        }
    }
}
