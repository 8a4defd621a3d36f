from tortoise import BaseDBAsyncClient

RUN_IN_TRANSACTION = True


async def upgrade(db: BaseDBAsyncClient) -> str:
    return """
        CREATE TABLE IF NOT EXISTS "item" (
    "id" SERIAL NOT NULL PRIMARY KEY,
    "name" VARCHAR(50) NOT NULL UNIQUE,
    "price" INT NOT NULL
);
CREATE TABLE IF NOT EXISTS "aerich" (
    "id" SERIAL NOT NULL PRIMARY KEY,
    "version" VARCHAR(255) NOT NULL,
    "app" VARCHAR(100) NOT NULL,
    "content" JSONB NOT NULL
);"""


async def downgrade(db: BaseDBAsyncClient) -> str:
    return """
        """


MODELS_STATE = (
    "eJztlV9v0zAUxb9KlachAepKyybeugrEELTSViEkhCwnuU2sOnZmO7Bp9Lvj6yR1kv6hlZ"
    "BGEU9Nzj22r3+1Tx6DTMbA9ctrA1nwpvcYCJqBfWjpz3sBzXOvomBoyJ2R1Y5QG0UjY7UF"
    "5RqsFIOOFMsNk8KqouAcRRlZIxOJlwrB7gogRiZgUlC28PWblZmI4R50/ZovyYIBj1ttsh"
    "jXdjoxD7nTroV554y4WkgiyYtMeHP+YFIp1m4mDKoJCFDUAE5vVIHtY3fVLusdlZ16S9li"
    "Y0wMC1pw09huSLwWEDKdzcnt2zkhwRGAIikQrm1Vu90n2MKLwfnwYnj56vXw0lpcm2vlYl"
    "Uu7cGUAx2e6TxYuTo1tHQ4xh6q+93AOkmp2s619nfI2pa7ZGuOfy/ajN4TDiIxqX0d9fdw"
    "/Dy+mbwf35yN+s9wQWkPf3kjplVl4EqI2qPNFYu2sN15ZNf+35/aQ9jWgofr7+qJHFyMgs"
    "WycW5RCGm0/EFVTDYqciB3eTdL2SDrKlTQxIHCHWFzVTCOwf4z6bbIrCp7Q5N6z//YPKXT"
    "ty82v4PS2NIRydkY8mfC86kveCs+B6PRAflpXTsD1NXaCYqX6gjClf0fpHveP+TrZF076b"
    "pam65d0UB5tduEP9zOptsJN4Z0KMcsMr2fPc70KX6s9sBFGDhzpvUdbzI9+zT+0sU9+Ti7"
    "cnCkNolys7gJrp76Y7b6BY4uzGw="
)
