import hashlib
from pathlib import Path
from typing import Annotated

import anyio
from fastapi import FastAPI, Form, UploadFile

app = FastAPI()


# --8<-- [start:endpoints]
@app.post("/profile")
async def update_profile(
    name: Annotated[str, Form()], newsletter: Annotated[bool, Form()] = False
) -> dict[str, str | bool]:
    return {"name": name, "newsletter": newsletter}


@app.post("/avatar")
async def upload_avatar(file: UploadFile) -> dict[str, str | int | None]:
    content = await file.read()
    return {
        "filename": file.filename,
        "content_type": file.content_type,
        "size": len(content),
    }


@app.post("/albums/{album}/photos")
async def upload_photos(
    album: str, photos: list[UploadFile], caption: Annotated[str, Form()]
) -> dict[str, str | list[str | None]]:
    return {"album": album, "caption": caption, "files": [p.filename for p in photos]}


# --8<-- [end:endpoints]
# --8<-- [start:storage]
STORAGE = Path("uploads")  # (1)!
CHUNK = 64 * 1024


@app.put("/files/{name}")
async def store_file(name: str, file: UploadFile) -> dict[str, str | int]:
    digest = hashlib.sha256()
    size = 0
    async with await anyio.open_file(STORAGE / name, "wb") as stored:
        while chunk := await file.read(CHUNK):  # (2)!
            digest.update(chunk)
            size += len(chunk)
            await stored.write(chunk)
    return {"name": name, "size": size, "sha256": digest.hexdigest()}


# --8<-- [end:storage]
