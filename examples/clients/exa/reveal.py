# The same reveal in Python (the `cryptography` package), to show that `client` judges any
# language: a process, its environment, and one JSON object on stdout. Steps 1-3 of the document:
# a 32-hex secret, its base64 encrypted with RSA-OAEP (SHA-1), GET /card, the fields opened with
# AES-128-GCM (the 16-byte tag verified by AESGCM.decrypt).
import base64
import json
import os
import sys
import urllib.request
import uuid

from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import padding
from cryptography.hazmat.primitives.ciphers.aead import AESGCM


def main() -> int:
    env = os.environ
    secret = bytes.fromhex(uuid.uuid4().hex)
    key = serialization.load_pem_public_key(env["EXA_PUBLIC_KEY"].encode())
    oaep = padding.OAEP(mgf=padding.MGF1(hashes.SHA1()), algorithm=hashes.SHA1(), label=None)
    sessionid = base64.b64encode(key.encrypt(base64.b64encode(secret), oaep)).decode()
    request = urllib.request.Request(
        env["EXA_BASE_URL"] + "/card",
        headers={"authorization": "Bearer " + env["EXA_TOKEN"], "sessionid": sessionid, "accept": "application/json"},
    )
    try:
        with urllib.request.urlopen(request) as answer:
            card = json.load(answer)
        aes = AESGCM(secret)

        def opened(field):
            return aes.decrypt(base64.b64decode(field["iv"]), base64.b64decode(field["data"]), None).decode()

        block = opened(card["pin"]) if card.get("pin") else None
        pin = block[2 : 2 + int(block[1], 16)] if block else None
        if block is not None and (block[0] != "2" or not pin.isdigit()):
            raise ValueError("the pin is not a format-2 PIN block")
        print(json.dumps({"pan": opened(card["encryptedPan"]), "cvc": opened(card["encryptedCvc"]), "pin": pin}))
        return 0
    except Exception as e:  # any failure: refuse, and show nothing
        print(f"cannot show the card: {type(e).__name__} {e}", file=sys.stderr)
        return 1


sys.exit(main())
