from fastapi import FastAPI, WebSocket

app = FastAPI()


@app.websocket("/feed")
async def feed(websocket: WebSocket, token: str = "") -> None:
    if token != "secret":
        await websocket.close(code=1008)  # (1)!
        return
    await websocket.accept()
    await websocket.send_text("hello")
    await websocket.close()


@app.websocket("/eager")
async def eager(websocket: WebSocket) -> None:
    await websocket.send_text("hello")  # (2)!


@app.websocket("/goodbye")
async def goodbye(websocket: WebSocket) -> None:
    await websocket.accept()
    await websocket.close()
    await websocket.send_text("one more thing")  # (3)!
