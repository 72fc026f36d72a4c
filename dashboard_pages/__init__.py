"""The dashboard's pages: each module draws one page from a `common.PageContext`."""
