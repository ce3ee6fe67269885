using System.Net;
using System.Net.Sockets;
using System.Text;

namespace RetroWalk.Dashboard;

/// <summary>
/// `retrowalk dashboard`: serves the page's static files on http://127.0.0.1:PORT/ (localhost is a secure context, so
/// Web Bluetooth works there). With an <see cref="EmulatedTracker"/> it also answers, in that mode only,
/// <c>/emulator/info</c> (which makes the page load its Web Bluetooth adapter), the WebSocket <c>/emulator/gatt</c>,
/// <c>/emulator/state</c> (what the device holds, JSON), <c>POST /emulator/drop</c> (drops the link) and
/// <c>POST /emulator/lose-raw-packets?count=N</c> (the next N Raw Samples notifications are lost).
/// </summary>
public sealed class DashboardServer : IDisposable
{
    private static readonly Dictionary<string, string> ContentTypes = new(StringComparer.OrdinalIgnoreCase)
    {
        [".html"] = "text/html; charset=utf-8", [".js"] = "text/javascript; charset=utf-8", [".mjs"] = "text/javascript; charset=utf-8",
        [".css"] = "text/css; charset=utf-8", [".json"] = "application/json; charset=utf-8", [".svg"] = "image/svg+xml",
        [".png"] = "image/png", [".ico"] = "image/x-icon", [".webmanifest"] = "application/manifest+json",
    };

    private HttpListener _listener = new();
    private readonly bool _anyPort;
    private readonly string _webRoot;
    private readonly EmulatedTracker? _tracker;
    private readonly CancellationTokenSource _stop = new();
    private GattBridgeSession? _session;
    private Task? _accept;

    public DashboardServer(string webRoot, int port, EmulatedTracker? tracker = null)
    {
        _webRoot = Path.GetFullPath(webRoot);
        if (!File.Exists(Path.Combine(_webRoot, "index.html")))
        {
            throw new DirectoryNotFoundException($"no index.html in {_webRoot}: the dashboard's files are missing");
        }

        _tracker = tracker;
        _anyPort = port == 0;
        Port = _anyPort ? FreePort() : port;
    }

    /// <summary>The port listened on; with port 0 a free one, chosen again by <see cref="Start"/> if another process took it first.</summary>
    public int Port { get; private set; }

    public string Url => $"http://127.0.0.1:{Port}/";

    /// <summary>The web folder beside the tool (copied at build), else the one in the repository.</summary>
    public static string DefaultWebRoot()
    {
        string beside = Path.Combine(AppContext.BaseDirectory, "dashboard-web");
        return File.Exists(Path.Combine(beside, "index.html"))
            ? beside
            : Path.Combine(RetroWalk.Host.Paths.SharedPaths.RepoRoot, "tools", "RetroWalk.Dashboard", "web");
    }

    public void Start()
    {
        // A free port probed and released can be taken before the listener binds it (tests start servers side by side):
        // with an automatic port, another is probed, a few times.
        for (int attempt = 1; ; attempt++)
        {
            try
            {
                _listener.Prefixes.Add($"http://127.0.0.1:{Port}/");
                _listener.Start();
                break;
            }
            catch (HttpListenerException e)
            {
                if (!_anyPort || attempt == 5)
                {
                    throw new InvalidOperationException($"cannot listen on 127.0.0.1:{Port}: {e.Message} (is the port in use? choose another with --port)", e);
                }

                _listener.Close();
                _listener = new HttpListener();
                Port = FreePort();
            }
        }

        _tracker?.Start();
        _accept = Task.Run(AcceptLoop);
    }

    private async Task AcceptLoop()
    {
        while (!_stop.IsCancellationRequested)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }

            _ = Task.Run(() => Handle(context));
        }
    }

    private async Task Handle(HttpListenerContext context)
    {
        var request = context.Request;
        var response = context.Response;
        try
        {
            string path = request.Url?.AbsolutePath ?? "/";
            if (path.StartsWith("/emulator/", StringComparison.Ordinal))
            {
                await HandleEmulator(context, path);
                return;
            }

            ServeFile(path, response);
        }
        catch (Exception e) when (e is HttpListenerException or IOException or ObjectDisposedException)
        {
            // The browser went away mid-response.
        }
        finally
        {
            try
            {
                if (!request.IsWebSocketRequest)
                {
                    response.Close();
                }
            }
            catch (ObjectDisposedException)
            {
            }
        }
    }

    private void ServeFile(string path, HttpListenerResponse response)
    {
        string relative = Uri.UnescapeDataString(path.TrimStart('/'));
        if (relative.Length == 0)
        {
            relative = "index.html";
        }

        string full = Path.GetFullPath(Path.Combine(_webRoot, relative));
        if (!full.StartsWith(_webRoot + Path.DirectorySeparatorChar, StringComparison.Ordinal) || !File.Exists(full))
        {
            Send(response, 404, "text/plain; charset=utf-8", "not found");
            return;
        }

        byte[] body = File.ReadAllBytes(full);
        response.Headers["Cache-Control"] = "no-cache";
        Send(response, 200, ContentTypes.GetValueOrDefault(Path.GetExtension(full), "application/octet-stream"), body);
    }

    private async Task HandleEmulator(HttpListenerContext context, string path)
    {
        var response = context.Response;
        if (_tracker is null)
        {
            Send(response, 404, "text/plain; charset=utf-8", "no emulated tracker: start with --emulate");
            return;
        }

        switch (path)
        {
            case "/emulator/info":
                Send(response, 200, "application/json", new System.Text.Json.Nodes.JsonObject
                {
                    ["scenario"] = _tracker.Scenario, ["description"] = _tracker.Description, ["speed"] = _tracker.Speed,
                }.ToJsonString());
                return;
            case "/emulator/state":
                Send(response, 200, "application/json", _tracker.State().ToJsonString());
                return;
            case "/emulator/lose-raw-packets" when context.Request.HttpMethod == "POST":
                if (!int.TryParse(context.Request.QueryString["count"], out int count) || count < 1)
                {
                    Send(response, 400, "text/plain", "count must be a whole number from 1");
                    return;
                }

                _tracker.LoseRawPackets(count);
                Send(response, 200, "text/plain", $"the next {count} Raw Samples notifications are lost");
                return;
            case "/emulator/drop" when context.Request.HttpMethod == "POST":
                _session?.Drop();
                Send(response, 200, "text/plain", "dropped");
                return;
            case "/emulator/gatt" when context.Request.IsWebSocketRequest:
                var socket = await context.AcceptWebSocketAsync(null);
                var session = new GattBridgeSession(socket.WebSocket, context.Response.Abort, _tracker);
                _session?.Drop(); // one central at a time, as the tracker
                _session = session;
                await session.RunAsync(_stop.Token);
                return;
            default:
                Send(response, 404, "text/plain", "unknown emulator endpoint");
                return;
        }
    }

    private static void Send(HttpListenerResponse response, int status, string type, string body) =>
        Send(response, status, type, Encoding.UTF8.GetBytes(body));

    private static void Send(HttpListenerResponse response, int status, string type, byte[] body)
    {
        response.StatusCode = status;
        response.ContentType = type;
        response.ContentLength64 = body.Length;
        response.OutputStream.Write(body);
    }

    private static int FreePort()
    {
        var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        int port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        return port;
    }

    public void Dispose()
    {
        _stop.Cancel();
        _session?.Drop();
        try
        {
            _listener.Stop();
            _listener.Close();
        }
        catch (ObjectDisposedException)
        {
        }

        _tracker?.Dispose();
    }
}
