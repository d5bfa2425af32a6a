from __future__ import annotations

from pathlib import Path

import pytest

from bot.articles import ArticleError, list_articles, parse_article_file, slug_for

BODY = "A title\n\nA body paragraph.\n\nExit question: Yes or no?\n"


def write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, "utf-8")
    return path


def test_sidecar_adds_metadata_and_poll_options(tmp_path: Path):
    path = write(tmp_path, "story.txt", BODY)
    write(
        tmp_path,
        "story.toml",
        'source_url = "https://example.com/a"\nauthor = "Allahpundit"\n'
        'published = 2007-06-09\npoll_options = ["Yes", "No", "  Not   sure "]\n',
    )
    article = parse_article_file(path)
    assert article.source_url == "https://example.com/a"
    assert article.author == "Allahpundit"
    assert article.published == "2007-06-09"
    assert article.poll_options == ("Yes", "No", "Not sure")


@pytest.mark.parametrize(
    ("toml", "message"),
    [
        ('source_url = "https://x.com"\nauthr = "typo"\n', "authr: is not a known key"),
        ('source_url = "ftp://x"\n', "source_url: must be an http"),
        ('poll_options = ["Only one"]\n', "at least 2 options"),
        ('poll_options = ["A", "a"]\n', "different"),
        ('published = "yesterday"\n', "published: must be a date"),
        ('author = "unterminated\n', "not valid TOML"),
    ],
)
def test_bad_sidecar_names_the_sidecar_file(tmp_path: Path, toml: str, message: str):
    path = write(tmp_path, "story.txt", BODY)
    write(tmp_path, "story.toml", toml)
    with pytest.raises(ArticleError) as caught:
        parse_article_file(path)
    assert str(caught.value).startswith(str(tmp_path / "story.toml"))
    assert message in str(caught.value)


def test_toml_syntax_error_names_the_line(tmp_path: Path):
    path = write(tmp_path, "story.txt", BODY)
    write(tmp_path, "story.toml", 'author = "ok"\n\nthis is not toml\n')
    with pytest.raises(ArticleError) as caught:
        parse_article_file(path)
    assert caught.value.line == 3


def test_list_articles_skips_bad_files_and_reports_them(tmp_path: Path):
    write(tmp_path, "B Story.txt", BODY)
    write(tmp_path, "a-story.txt", BODY)
    write(tmp_path, "empty.txt", "")
    write(tmp_path, ".swap.txt", BODY)
    write(tmp_path, "notes.md", BODY)
    entries, errors = list_articles(tmp_path)
    assert [e.slug for e in entries] == ["a-story", "b-story"]
    assert len(errors) == 1 and "empty.txt" in errors[0]


def test_slug_for():
    assert slug_for(Path("Odierno Ceasefire!.txt")) == "odierno-ceasefire"
    assert slug_for(Path("___.txt")) == "article"


def test_only_regular_files_are_read_a_fifo_socket_or_directory_is_skipped(tmp_path: Path):
    """A FIFO would block the reader forever: it is never opened, and the listing says why."""
    import os
    import socket

    write(tmp_path, "story.txt", BODY)
    os.mkfifo(tmp_path / "pipe.txt")
    (tmp_path / "folder.txt").mkdir()
    with socket.socket(socket.AF_UNIX) as listener:
        listener.bind(str(tmp_path / "sock.txt"))
        entries, errors = list_articles(tmp_path)
    assert [e.slug for e in entries] == ["story"]
    assert sorted(errors) == sorted(
        [
            f"{tmp_path / 'folder.txt'}: is a directory, not a regular file; only regular files are read",
            f"{tmp_path / 'pipe.txt'}: is a FIFO (named pipe), not a regular file; only regular files are read",
            f"{tmp_path / 'sock.txt'}: is a socket, not a regular file; only regular files are read",
        ]
    )
    with pytest.raises(ArticleError, match="is a FIFO"):
        parse_article_file(tmp_path / "pipe.txt")
    with pytest.raises(ArticleError, match="is a character device"):
        parse_article_file(Path("/dev/zero"))


def test_a_fifo_sidecar_is_not_opened(tmp_path: Path):
    import os

    write(tmp_path, "story.txt", BODY)
    os.mkfifo(tmp_path / "story.toml")
    with pytest.raises(ArticleError, match=r"story\.toml: is a FIFO"):
        parse_article_file(tmp_path / "story.txt")


def test_a_link_out_of_the_seeds_folder_is_not_read(tmp_path: Path):
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    secret = write(tmp_path, "settings.env", "Settings of the bot\n\nDISCORD_TOKEN=secret\n")
    (seeds / "notes.txt").symlink_to(secret)
    (seeds / "relative.txt").symlink_to(Path("..") / "settings.env")
    (seeds / "subfolder").mkdir()
    (seeds / "subfolder" / "deeper.txt").symlink_to(Path("..") / ".." / "settings.env")
    (seeds / "chained.txt").symlink_to(seeds / "subfolder" / "deeper.txt")  # inside, then out
    entries, errors = list_articles(seeds)
    assert entries == []
    outside = "is a link to a file outside its folder; only files inside the seeds folder are read"
    assert sorted(errors) == [f"{seeds / name}: {outside}" for name in ("chained.txt", "notes.txt", "relative.txt")]


def test_a_sidecar_linked_out_of_the_folder_is_not_read(tmp_path: Path):
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    write(seeds, "story.txt", BODY)
    (seeds / "story.toml").symlink_to(write(tmp_path, "elsewhere.toml", 'author = "Someone"\n'))
    with pytest.raises(ArticleError, match=r"story\.toml: is a link to a file outside its folder"):
        parse_article_file(seeds / "story.txt")


def test_a_link_inside_the_seeds_folder_is_read(tmp_path: Path):
    # It can only show what the folder holds already: a pipeline pointing "story.txt" at its
    # current version, say.
    seeds = tmp_path / "seeds"
    (seeds / "versions").mkdir(parents=True)
    write(seeds / "versions", "story-v2.txt", BODY)
    write(seeds / "versions", "story-v2.toml", 'author = "Someone"\n')
    (seeds / "story.txt").symlink_to(Path("versions") / "story-v2.txt")
    (seeds / "story.toml").symlink_to(seeds / "versions" / "story-v2.toml")
    entries, errors = list_articles(seeds)
    assert [e.slug for e in entries] == ["story"] and errors == []
    assert parse_article_file(seeds / "story.txt").author == "Someone"


@pytest.mark.parametrize(
    "sidecar",
    ["tags = " + "[" * 30_000 + "]" * 30_000, "tags = " + "{a = " * 5_000 + "1" + "}" * 5_000],
    ids=["arrays", "inline tables"],
)
def test_a_deeply_nested_sidecar_is_one_bad_file(tmp_path: Path, sidecar: str):
    # tomllib parses nesting by recursion: without care, RecursionError instead of an ArticleError
    write(tmp_path, "nested.txt", BODY)
    write(tmp_path, "nested.toml", sidecar + "\n")
    write(tmp_path, "story.txt", BODY)
    with pytest.raises(ArticleError, match=r"nested\.toml: is nested too deeply"):
        parse_article_file(tmp_path / "nested.txt")
    entries, errors = list_articles(tmp_path)
    assert [e.slug for e in entries] == ["story"]
    assert errors == [
        f"{tmp_path / 'nested.toml'}: is nested too deeply (brackets or tables inside each other); not a sidecar"
    ]
