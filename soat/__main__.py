from soat.cli import run

run()
