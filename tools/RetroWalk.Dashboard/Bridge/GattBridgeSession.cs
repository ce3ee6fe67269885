using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading.Channels;

namespace RetroWalk.Dashboard;

/// <summary>
/// One page connected to the emulated tracker over the WebSocket: JSON requests
/// <c>{"id":1,"op":"read"|"write"|"subscribe"|"unsubscribe"|"services","uuid":"…","value":"hex"}</c> answered by
/// <c>{"id":1,"value":"hex"}</c> or <c>{"id":1,"att":253}</c>, and notifications <c>{"notify":"uuid","value":"hex"}</c>
/// in the order the device sent them. Closing the socket is the link dropping.
/// </summary>
public sealed class GattBridgeSession
{
    private readonly WebSocket _socket;
    private readonly Action _closeConnection;
    private readonly EmulatedTracker _tracker;
    private readonly Channel<string> _outbox = Channel.CreateUnbounded<string>(new UnboundedChannelOptions { SingleReader = true });

    /// <param name="closeConnection">Closes the underlying TCP connection (a link loss the page must notice).</param>
    public GattBridgeSession(WebSocket socket, Action closeConnection, EmulatedTracker tracker)
    {
        _socket = socket;
        _closeConnection = closeConnection;
        _tracker = tracker;
    }

    public async Task RunAsync(CancellationToken cancel)
    {
        _tracker.WithDevice(gatt =>
        {
            gatt.Disconnected();
            gatt.Connected();
            gatt.Notified = (uuid, value) => _outbox.Writer.TryWrite(
                new JsonObject { ["notify"] = uuid, ["value"] = Convert.ToHexString(value).ToLowerInvariant() }.ToJsonString());
            return 0;
        });
        var sender = Task.Run(() => SendLoop(cancel), cancel);
        try
        {
            var buffer = new byte[4096];
            while (_socket.State == WebSocketState.Open && !cancel.IsCancellationRequested)
            {
                var message = new MemoryStream();
                WebSocketReceiveResult result;
                do
                {
                    result = await _socket.ReceiveAsync(buffer, cancel);
                    if (result.MessageType == WebSocketMessageType.Close)
                    {
                        return;
                    }

                    message.Write(buffer, 0, result.Count);
                }
                while (!result.EndOfMessage);
                _outbox.Writer.TryWrite(Handle(Encoding.UTF8.GetString(message.ToArray())));
            }
        }
        catch (Exception e) when (e is WebSocketException or OperationCanceledException or ObjectDisposedException)
        {
            // The page went away or the link was dropped on purpose: same as a BLE link loss.
        }
        finally
        {
            _tracker.WithDevice(gatt =>
            {
                gatt.Notified = null;
                gatt.Disconnected();
                return 0;
            });
            _outbox.Writer.TryComplete();
            await sender.ContinueWith(_ => { });
        }
    }

    /// <summary>The link drops (the tests use it to check the page reconnects).</summary>
    public void Drop()
    {
        _socket.Abort();
        _closeConnection();
    }

    private async Task SendLoop(CancellationToken cancel)
    {
        await foreach (string text in _outbox.Reader.ReadAllAsync(cancel))
        {
            if (_socket.State != WebSocketState.Open)
            {
                return;
            }

            await _socket.SendAsync(Encoding.UTF8.GetBytes(text), WebSocketMessageType.Text, true, cancel);
        }
    }

    private string Handle(string text)
    {
        JsonNode? id = null;
        try
        {
            var request = JsonNode.Parse(text)!.AsObject();
            id = request["id"]?.DeepClone();
            string op = (string?)request["op"] ?? "";
            string uuid = GattUuid.Normalize((string?)request["uuid"] ?? "");
            if (op == "services")
            {
                var services = new JsonObject();
                foreach (var (service, characteristics) in EmulatedGatt.Services)
                {
                    services[service] = new JsonArray(characteristics.Select(c => (JsonNode)c).ToArray());
                }

                return new JsonObject { ["id"] = id, ["services"] = services }.ToJsonString();
            }

            byte[] value = Convert.FromHexString((string?)request["value"] ?? "");
            GattResult result = _tracker.WithDevice(gatt => op switch
            {
                "read" => gatt.Read(uuid),
                "write" => gatt.Write(uuid, value),
                "subscribe" => gatt.Subscribe(uuid, true),
                "unsubscribe" => gatt.Subscribe(uuid, false),
                _ => new GattResult(0x06),
            });
            var answer = new JsonObject { ["id"] = id };
            if (!result.Success)
            {
                answer["att"] = result.AttError;
            }
            else if (result.Value is not null)
            {
                answer["value"] = Convert.ToHexString(result.Value).ToLowerInvariant();
            }

            return answer.ToJsonString();
        }
        catch (Exception e) when (e is JsonException or FormatException or InvalidOperationException)
        {
            return new JsonObject { ["id"] = id, ["error"] = "bad request: " + e.Message }.ToJsonString();
        }
    }
}
