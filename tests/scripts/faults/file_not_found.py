open('/nonexistent/dir/file.txt')
