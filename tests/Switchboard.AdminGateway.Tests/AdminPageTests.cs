namespace Switchboard.AdminGateway.Tests;

public sealed class AdminPageTests
{
    [Fact]
    public async Task The_page_and_its_script_are_served_and_use_the_gateways_endpoints()
    {
        await using var gateway = await GatewayHost.Start(new());

        using var page = await gateway.Client.GetAsync("/");
        using var script = await gateway.Client.GetAsync("/admin.js");
        var html = await page.Content.ReadAsStringAsync();
        var js = await script.Content.ReadAsStringAsync();

        Assert.Equal("text/html", page.Content.Headers.ContentType?.MediaType);
        Assert.Equal("text/javascript", script.Content.Headers.ContentType?.MediaType);
        Assert.Contains("<script src=\"/admin.js\"></script>", html);
        Assert.Contains("id=\"level-form\"", html);
        Assert.All(["/api/services", "/api/settings/log-levels", "/api/log?", "/api/settings/SystemLog/"], api => Assert.Contains(api, js));
        Assert.DoesNotContain("innerHTML", js);
    }
}
