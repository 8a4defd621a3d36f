from fastapi import BackgroundTasks, FastAPI

app = FastAPI()
outbox: list[str] = []  # (1)!


async def send_welcome(email: str) -> None:
    if email.endswith("@invalid"):
        raise ConnectionError(f"mail server refused {email}")
    outbox.append(email)


@app.post("/signup", status_code=201)
async def signup(email: str, tasks: BackgroundTasks) -> dict[str, str]:
    tasks.add_task(send_welcome, email)  # (2)!
    return {"email": email}
