using System.Buffers;
using System.Text;
using Switchboard.Sip.Writing;
using Xunit;

namespace Switchboard.Sip.Tests.Writing;

public class EditListTests
{
    private static readonly byte[] Source = "0123456789"u8.ToArray();

    [Fact]
    public void No_edits_copies_the_source() => Assert.Equal("0123456789", Apply(new EditList()));

    [Fact]
    public void Applies_edits_in_offset_order_whatever_the_recording_order()
    {
        using var edits = new EditList();
        edits.Replace(8, 2, "xy"u8);
        edits.Insert(0, "<"u8);
        edits.Remove(3, 2);
        edits.Insert(10, ">"u8);

        Assert.Equal("<012567xy>", Apply(edits));
        Assert.Equal(0, edits.LengthDelta);
    }

    [Fact]
    public void At_one_offset_inserts_come_before_a_removal_and_keep_their_order()
    {
        using var edits = new EditList();
        edits.Remove(2, 3);
        edits.Insert(2, "a"u8);
        edits.Insert(2, "b"u8);

        Assert.Equal("01ab56789", Apply(edits));
    }

    [Fact]
    public void Overlapping_removals_are_rejected()
    {
        using var edits = new EditList();
        edits.Remove(2, 4);
        Assert.Throws<InvalidOperationException>(() => edits.Remove(5, 2));
        Assert.Throws<InvalidOperationException>(() => edits.Insert(3, "x"u8));
        edits.Remove(6, 1); // adjacent is fine
        edits.Insert(6, "|"u8);
        Assert.Equal("01|789", Apply(edits));
    }

    [Fact]
    public void Edit_beyond_the_message_is_reported_at_write_time()
    {
        using var edits = new EditList();
        edits.Remove(8, 5);
        Assert.Throws<InvalidOperationException>(() => Apply(edits));
    }

    [Fact]
    public void Begin_and_commit_write_inserted_bytes_in_place_and_grow_the_scratch()
    {
        using var edits = new EditList(initialScratchSize: 16);
        string big = new('z', 5000);
        Span<byte> target = edits.BeginInsert(big.Length);
        Encoding.ASCII.GetBytes(big, target);
        edits.Commit(5, 0, big.Length);
        edits.Insert(0, "a"u8);

        Assert.Equal("a01234" + big + "56789", Apply(edits));
    }

    [Fact]
    public void Reset_makes_the_list_reusable()
    {
        using var edits = new EditList();
        edits.Remove(0, 5);
        Assert.Equal("56789", Apply(edits));
        edits.Reset();
        edits.Insert(10, "!"u8);
        Assert.Equal("0123456789!", Apply(edits));
        Assert.Equal(1, edits.Count);
    }

    [Fact]
    public void Clear_removals_keeps_inserts_and_replacements()
    {
        using var edits = new EditList();
        edits.Remove(1, 2);
        edits.Replace(4, 1, "R"u8);
        edits.Insert(6, "i"u8);
        edits.ClearRemovals(0, 10);

        Assert.Equal("0123R5i6789", Apply(edits));
        Assert.Equal(1, edits.LengthDelta);
    }

    private static string Apply(EditList edits)
    {
        var buffer = new ArrayBufferWriter<byte>();
        edits.WriteTo(Source, buffer);
        return Encoding.ASCII.GetString(buffer.WrittenSpan);
    }
}
