"""The conversations as Rasa keeps them: where (its tracker store), for how long, and
how the app deletes one at once."""
