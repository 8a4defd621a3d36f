from fastapi import FastAPI, UploadFile

app = FastAPI()


@app.post("/avatars")
async def upload_avatar(file: UploadFile) -> dict:  # (1)!
    return {"name": file.filename, "size": len(await file.read())}
