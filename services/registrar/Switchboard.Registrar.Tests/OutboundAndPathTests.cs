using Switchboard.Registrar.Events;
using Switchboard.Registrar.Location;
using Switchboard.Registrar.Registration;
using static Switchboard.Registrar.Tests.RegistrarHarness;

namespace Switchboard.Registrar.Tests;

/// <summary>RFC 5626 instance/reg-id matching and RFC 3327 Path.</summary>
public sealed class OutboundAndPathTests
{
    private const string Instance = "\"<urn:uuid:f81d4fae-7dec-11d0-a765-00a0c91e6bf6>\"";

    private static RegisterContact Outbound(string uri, long? regId) => new(uri, InstanceId: Instance, RegId: regId);

    [Fact]
    public void Same_instance_and_reg_id_replaces_the_binding_even_with_a_new_uri()
    {
        var h = new RegistrarHarness();
        h.Registrar.Register(Request("c1", 1, 600, Outbound("sip:alice@192.0.2.1:5060", 1)));

        var result = h.Registrar.Register(Request("c2", 1, 600, Outbound("sip:alice@192.0.2.99:6000", 1)));

        Assert.Equal(200, result.StatusCode);
        Assert.Equal(["sip:alice@192.0.2.99:6000"], h.LookupUris());
        var refreshed = Assert.Single(h.Events.OfType<ContactRefreshed>());
        Assert.Equal("sip:alice@192.0.2.1:5060", refreshed.Previous.ContactUri);
        Assert.Equal("<urn:uuid:f81d4fae-7dec-11d0-a765-00a0c91e6bf6>", refreshed.Binding.InstanceId);
    }

    [Fact]
    public void Different_reg_ids_of_one_instance_are_separate_flows()
    {
        var h = new RegistrarHarness();

        h.Registrar.Register(Request("c1", 1, 600, Outbound("sip:alice@192.0.2.1", 1), Outbound("sip:alice@192.0.2.2", 2)));

        Assert.Equal(2, h.Store.Lookup(Aor).Count);
    }

    [Fact]
    public void Reg_id_without_instance_is_ignored()
    {
        var h = new RegistrarHarness();

        h.Registrar.Register(Request("c1", 1, 600, new RegisterContact("sip:alice@192.0.2.1", RegId: 1)));

        Assert.Null(Assert.Single(h.Store.Lookup(Aor)).RegId);
    }

    [Fact]
    public void Path_and_flow_are_stored_and_path_echoed_when_supported()
    {
        var h = new RegistrarHarness();
        var request = Request("c1", 1, 600, Contact("sip:alice@10.0.0.2")) with
        {
            Path = ["<sip:edge2.example.com;lr>", "<sip:edge1.example.com;lr>"],
            Supported = ["outbound", "path"],
        };

        var result = h.Registrar.Register(request);

        var binding = Assert.Single(h.Store.Lookup(Aor));
        Assert.Equal(["<sip:edge2.example.com;lr>", "<sip:edge1.example.com;lr>"], binding.Path);
        Assert.Equal(EdgeFlow, binding.Flow);
        Assert.Equal(
            ["<sip:edge2.example.com;lr>", "<sip:edge1.example.com;lr>"],
            result.Headers.Where(kv => kv.Key == "Path").Select(kv => kv.Value));
    }

    [Fact]
    public void Path_is_stored_but_not_echoed_without_Supported_path()
    {
        var h = new RegistrarHarness();
        var request = Request("c1", 1, 600, Contact("sip:alice@10.0.0.2")) with { Path = ["<sip:edge.example.com;lr>"] };

        var result = h.Registrar.Register(request);

        Assert.Equal(200, result.StatusCode);
        Assert.Null(result.Header("Path"));
        Assert.Equal(["<sip:edge.example.com;lr>"], Assert.Single(h.Store.Lookup(Aor)).Path);
    }

    [Fact]
    public void Strict_mode_refuses_Path_without_support_with_420()
    {
        var h = new RegistrarHarness(o => o.RejectPathWithoutSupport = true);
        var request = Request("c1", 1, 600, Contact("sip:alice@10.0.0.2")) with { Path = ["<sip:edge.example.com;lr>"] };

        var result = h.Registrar.Register(request);

        Assert.Equal(420, result.StatusCode);
        Assert.Equal("path", result.Header("Unsupported"));
        Assert.Empty(h.LookupUris());
    }

    [Fact]
    public void Outbound_registration_through_an_ob_edge_gets_Require_outbound()
    {
        var h = new RegistrarHarness();
        var viaObEdge = Request("c1", 1, 600, Outbound("sip:alice@192.0.2.1", 1)) with
        {
            Path = ["<sip:token@edge.example.com;lr;ob>"],
            Supported = ["path", "outbound"],
        };
        var plain = Request("c2", 1, 600, Contact("sip:alice@192.0.2.5"));

        Assert.Equal("outbound", h.Registrar.Register(viaObEdge).Header("Require"));
        Assert.Null(h.Registrar.Register(plain).Header("Require"));
    }
}
