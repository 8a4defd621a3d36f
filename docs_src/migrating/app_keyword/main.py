from fastapi import FastAPI

app = FastAPI()  # no route is needed: the client is never created
