import reflex as rx

def index():
    return rx.text("hello")

app = rx.App()
app.add_page(index)
