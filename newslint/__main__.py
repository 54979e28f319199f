from newslint.entry import run

run()
